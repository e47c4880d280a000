package com.jewellery.ordertracing.lost;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What the lost-orders list is narrowed to; every field is optional (null: no restriction).
 *
 * @param stage          last stage reached
 * @param reason         why listed
 * @param minStuckFor    at least this long since the order last moved on
 * @param firstSeenFrom  first seen at or after
 * @param firstSeenTo    first seen before
 * @param orderIdPrefix  order ids starting with this text: at most {@link #MAX_ORDER_ID} characters of those an
 *                       order id may have, so typed text is refused before any query (a NUL, for one, would
 *                       make PostgreSQL fail the query), and {@code _} is matched literally, not as LIKE's wildcard
 * @throws IllegalArgumentException for an order id prefix no order id can start with
 */
public record ProblemFilter(
        String stage,
        ProblemReason reason,
        Duration minStuckFor,
        Instant firstSeenFrom,
        Instant firstSeenTo,
        String orderIdPrefix) {

    public static final ProblemFilter NONE = new ProblemFilter(null, null, null, null, null, null);

    /** The width of {@code order_journey.order_id}, and of an order id the lookup accepts. */
    public static final int MAX_ORDER_ID = 64;

    /** The characters of an order id (the lookup's rule, lookup.OrderIds). */
    private static final Pattern ORDER_ID_CHARACTERS = Pattern.compile("[A-Za-z0-9._:-]*");

    public ProblemFilter {
        stage = blankToNull(stage);
        orderIdPrefix = blankToNull(orderIdPrefix);
        if (!acceptableOrderIdPrefix(orderIdPrefix)) {
            throw new IllegalArgumentException(
                    "not the start of an order id: at most " + MAX_ORDER_ID + " letters, digits, '.', '_', ':' or '-'");
        }
    }

    /** Whether the typed text can start an order id (blank: no restriction, so yes). */
    public static boolean acceptableOrderIdPrefix(String typed) {
        String prefix = blankToNull(typed);
        return prefix == null
                || (prefix.length() <= MAX_ORDER_ID
                        && ORDER_ID_CHARACTERS.matcher(prefix).matches());
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
