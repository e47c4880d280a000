package com.jewellery.ordertracing.lost;

import java.time.Duration;
import java.time.Instant;

/**
 * What the lost-orders list is narrowed to; every field is optional (null: no restriction).
 *
 * @param stage          last stage reached
 * @param reason         why listed
 * @param minStuckFor    at least this long since the order last moved on
 * @param firstSeenFrom  first seen at or after
 * @param firstSeenTo    first seen before
 * @param orderIdPrefix  order ids starting with this text
 */
public record ProblemFilter(
        String stage,
        ProblemReason reason,
        Duration minStuckFor,
        Instant firstSeenFrom,
        Instant firstSeenTo,
        String orderIdPrefix) {

    public static final ProblemFilter NONE = new ProblemFilter(null, null, null, null, null, null);

    public ProblemFilter {
        stage = blankToNull(stage);
        orderIdPrefix = blankToNull(orderIdPrefix);
    }

    /** The same time range and age, but every order, stage and reason: what the counts at the top show. */
    public ProblemFilter countsOnly() {
        return new ProblemFilter(null, null, minStuckFor, firstSeenFrom, firstSeenTo, null);
    }

    public ProblemFilter withStage(String newStage) {
        return new ProblemFilter(newStage, reason, minStuckFor, firstSeenFrom, firstSeenTo, orderIdPrefix);
    }

    public ProblemFilter withReason(ProblemReason newReason) {
        return new ProblemFilter(stage, newReason, minStuckFor, firstSeenFrom, firstSeenTo, orderIdPrefix);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
