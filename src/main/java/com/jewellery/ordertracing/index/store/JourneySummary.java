package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.time.Instant;
import java.util.List;

/**
 * One row of the recent-orders grid: what the index knows about an order without its full journey.
 *
 * @param orderId          the {@code order.id}
 * @param firstSeen        start of the order's earliest span when it was first indexed
 * @param lastSeen         end of its latest span
 * @param lastStage        id of the furthest stage reached (catalog order); null if none
 * @param lastStageEndedAt when that stage ended
 * @param currentStatus    {@code order.status} after the furthest stage; null if unknown
 * @param outcome          COMPLETED, IN_PROGRESS or FAILED
 * @param hasError         any span of the order reported an error, even one retried successfully
 * @param errorStage       stage where the failure started (OrderJourney.originError); null when none or
 *                         outside the catalog
 * @param errorMessage     message of that error; null when none
 * @param traceIds         traces the order's spans came from
 * @param indexedAt        when the indexer last changed this order
 */
public record JourneySummary(
        String orderId,
        Instant firstSeen,
        Instant lastSeen,
        String lastStage,
        Instant lastStageEndedAt,
        String currentStatus,
        JourneyOutcome outcome,
        boolean hasError,
        String errorStage,
        String errorMessage,
        List<String> traceIds,
        Instant indexedAt) {

    public JourneySummary {
        traceIds = List.copyOf(traceIds);
    }
}
