package com.jewellery.ordertracing.journey;

/** Where an order's journey ended up, judged from its spans alone (no clock: "stuck" is decided elsewhere). */
public enum JourneyOutcome {
    /** A terminal stage was reached without error. */
    COMPLETED,
    /** No terminal stage yet, and nothing says the order failed. */
    IN_PROGRESS,
    /** The last stage reached failed, or the message went to the dead-letter queue. */
    FAILED
}
