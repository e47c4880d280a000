package com.jewellery.ordertracing.lookup;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import java.util.List;
import java.util.Map;

/**
 * The journey as support sees it: where it failed and the error message, without stack traces, span
 * attributes or raw spans (internal detail that belongs to development). Done in the service, so a
 * support session never receives what it must not see.
 */
final class JourneyRedaction {

    private JourneyRedaction() {}

    static OrderJourney forSupport(OrderJourney journey) {
        return new OrderJourney(
                journey.orderId(),
                journey.outcome(),
                journey.currentStatus(),
                journey.stages().stream()
                        .map(JourneyRedaction::withoutAttributes)
                        .toList(),
                journey.errors().stream()
                        .map(JourneyRedaction::withoutStacktrace)
                        .toList(),
                journey.traceIds(),
                journey.firstSeen(),
                journey.lastSeen(),
                journey.endToEndSlaExceeded(),
                List.of());
    }

    private static JourneyStage withoutAttributes(JourneyStage stage) {
        return new JourneyStage(
                stage.definition(),
                stage.state(),
                stage.start(),
                stage.end(),
                stage.duration(),
                stage.spans(),
                stage.orderStatus(),
                Map.of(),
                stage.slaExceeded(),
                stage.clockSkew());
    }

    private static JourneyError withoutStacktrace(JourneyError error) {
        return new JourneyError(
                error.kind(),
                error.stageId(),
                error.span(),
                error.service(),
                error.spanName(),
                error.time(),
                error.message(),
                error.exceptionType(),
                null,
                Map.of());
    }
}
