package com.jewellery.ordertracing.review;

/** The parts of a review an analyst comments on; each has a title {@code review.section.<NAME>}. */
public enum ReviewSection {
    SUMMARY,
    ORDERS,
    STAGES,
    FAILURES,
    INCIDENTS,
    DATA_QUALITY
}
