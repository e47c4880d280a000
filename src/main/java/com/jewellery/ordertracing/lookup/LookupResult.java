package com.jewellery.ordertracing.lookup;

import com.jewellery.ordertracing.journey.OrderJourney;
import java.net.URI;
import java.util.List;

/** The answer to "where is order X?". */
public sealed interface LookupResult {

    /** The order was found; {@code technicalDetail} says whether stack traces and attributes are included. */
    record Found(OrderJourney journey, List<TraceLink> traces, boolean technicalDetail) implements LookupResult {}

    /** The id is well-formed but no trace of the flow carries it (yet). */
    record NotFound(String orderId) implements LookupResult {}

    /**
     * The order is indexed but its stored journey cannot be read by this version of the portal.
     *
     * @param reference under which the cause is logged
     */
    record Unreadable(String orderId, String reference) implements LookupResult {}

    /** What was typed cannot be an order id. */
    record Invalid(String typed) implements LookupResult {}

    /** A trace of the order and where to open it in Jaeger's UI. */
    record TraceLink(String traceId, URI jaegerUrl) {}
}
