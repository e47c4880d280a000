package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.time.Instant;

/**
 * An order of an incident with what the index says about it now (an order that completed later shows completed).
 *
 * @param outcome   its current outcome; null when the index has not seen the order (yet)
 * @param lastStage the furthest stage it reached, null if unknown
 */
public record LinkedOrder(
        String orderId, Instant attachedAt, String attachedBy, LinkVia via, JourneyOutcome outcome, String lastStage) {

    public boolean seenInTraces() {
        return outcome != null;
    }
}
