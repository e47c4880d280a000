package com.jewellery.ordertracing.journey;

import java.time.Instant;
import java.util.List;

/** Spans of typical orders (trace contract 0002) for tests outside this package. */
public final class JourneyFixtures {

    private JourneyFixtures() {}

    /** Every stage, one trace. */
    public static List<SpanRecord> completed(String orderId, Instant start) {
        return OrderFlowSpans.order(orderId, start).spans();
    }

    /** Every stage; the MES starts its own trace and links to the CRM's producer span. */
    public static List<SpanRecord> completedLinked(String orderId, Instant start) {
        return OrderFlowSpans.order(orderId, start).linkStyle().spans();
    }

    /** Pricing throws an exception with a stack trace. */
    public static List<SpanRecord> pricingFailed(String orderId, Instant start) {
        return OrderFlowSpans.order(orderId, start).pricingFails().spans();
    }

    /** Three failed deliveries, then the dead-letter queue. */
    public static List<SpanRecord> poisoned(String orderId, Instant start) {
        return OrderFlowSpans.order(orderId, start).poisonMessage(3).spans();
    }
}
