package com.jewellery.ordertracing.lost;

/** Why an order is on the lost-orders list. */
public enum ProblemReason {
    /** It has not reached the next stage within that stage's SLA (plus grace) after its last stage ended. */
    STUCK,
    /** It has not reached the terminal stage within the end-to-end SLA after it was first seen. */
    LOST,
    /** A stage ended in error, or its message went to the dead-letter queue. */
    FAILED,
    /**
     * Stuck or lost by the SLAs, but stopped just before a hop whose traces do not continue (see
     * {@code continuity/}): its later stages may simply be unsampled. Listed apart, never alerted on.
     */
    UNCONFIRMED
}
