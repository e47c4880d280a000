package com.jewellery.ordertracing.index.backfill;

/** A backfill request that cannot be queued, with the reason the form shows next to the fields. */
public class InvalidBackfillException extends RuntimeException {

    /** What is wrong with the range. */
    public enum Reason {
        MISSING,
        NOT_BEFORE,
        IN_FUTURE
    }

    private final Reason reason;

    InvalidBackfillException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
