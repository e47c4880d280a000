package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.time.Instant;

/**
 * Which indexed orders the recent-orders grid shows; null fields do not filter. Start with {@link #all()}.
 *
 * @param orderIdPrefix only orders whose id starts with this, e.g. {@code ORD-2026-0001}
 * @param outcome       only orders with this outcome
 * @param currentStatus only orders whose {@code order.status} is this, e.g. {@code IN_CRM}
 * @param lastStage     only orders whose furthest stage is this stage id, e.g. {@code crm.publish}
 * @param from          only orders first seen at or after this
 * @param to            only orders first seen before this
 * @param errorsOnly    only orders with at least one error
 */
public record JourneyFilter(
        String orderIdPrefix,
        JourneyOutcome outcome,
        String currentStatus,
        String lastStage,
        Instant from,
        Instant to,
        boolean errorsOnly) {

    public static JourneyFilter all() {
        return new JourneyFilter(null, null, null, null, null, null, false);
    }

    public JourneyFilter withOrderIdPrefix(String value) {
        return new JourneyFilter(value, outcome, currentStatus, lastStage, from, to, errorsOnly);
    }

    public JourneyFilter withOutcome(JourneyOutcome value) {
        return new JourneyFilter(orderIdPrefix, value, currentStatus, lastStage, from, to, errorsOnly);
    }

    public JourneyFilter withCurrentStatus(String value) {
        return new JourneyFilter(orderIdPrefix, outcome, value, lastStage, from, to, errorsOnly);
    }

    public JourneyFilter withLastStage(String value) {
        return new JourneyFilter(orderIdPrefix, outcome, currentStatus, value, from, to, errorsOnly);
    }

    /** First seen in {@code [from, to)}; either end may be null. */
    public JourneyFilter firstSeenBetween(Instant newFrom, Instant newTo) {
        return new JourneyFilter(orderIdPrefix, outcome, currentStatus, lastStage, newFrom, newTo, errorsOnly);
    }

    public JourneyFilter withErrorsOnly(boolean value) {
        return new JourneyFilter(orderIdPrefix, outcome, currentStatus, lastStage, from, to, value);
    }
}
