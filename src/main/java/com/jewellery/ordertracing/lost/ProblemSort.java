package com.jewellery.ordertracing.lost;

/**
 * How the lost-orders list is ordered.
 *
 * @param key       the column
 * @param ascending direction
 */
public record ProblemSort(Key key, boolean ascending) {

    /** Longest stuck first: the default. */
    public static final ProblemSort LONGEST_STUCK_FIRST = new ProblemSort(Key.STUCK_FOR, false);

    /** The sortable columns. */
    public enum Key {
        ORDER_ID,
        LAST_STAGE,
        STUCK_FOR,
        REASON,
        FIRST_SEEN
    }
}
