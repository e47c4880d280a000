package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.time.Instant;

/**
 * What the index knows about one order right now: the columns of {@code order_journey} the detection
 * rules need.
 *
 * @param orderId          the {@code order.id}
 * @param firstSeen        start of its earliest span
 * @param lastStage        the stage furthest along the flow it reached; null if none matched
 * @param lastStageEndedAt when that stage ended; null if none matched
 * @param outcome          COMPLETED, IN_PROGRESS or FAILED as judged from the spans
 * @param currentStatus    {@code order.status} after the last stage
 * @param errorStage       stage of the error, null without one
 * @param errorMessage     what went wrong, null without an error
 */
public record OrderSnapshot(
        String orderId,
        Instant firstSeen,
        String lastStage,
        Instant lastStageEndedAt,
        JourneyOutcome outcome,
        String currentStatus,
        String errorStage,
        String errorMessage) {

    /** The moment the order last moved on: the end of its last stage, or its first span. */
    public Instant lastMovedAt() {
        return lastStageEndedAt != null ? lastStageEndedAt : firstSeen;
    }
}
