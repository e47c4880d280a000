package com.jewellery.ordertracing.index.store;

/**
 * An order's stored journey that this version of the portal cannot read, e.g. JSON written by a version
 * whose journey model differed. The row stays; reading its time range again (backfill) rewrites it.
 */
public class UnreadableJourneyException extends RuntimeException {

    private final String orderId;

    UnreadableJourneyException(String orderId, Throwable cause) {
        super("The stored journey of order " + orderId + " cannot be read: " + cause.getMessage(), cause);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
