package com.jewellery.ordertracing.alerts;

/** One way of telling people about alerts. */
interface NotificationChannel {

    ChannelType type();

    /** Whether it has what it needs (an address); unconfigured channels get no notifications. */
    boolean configured();

    /**
     * Delivers one notification or throws with a message that says why not (the outbox keeps it for a
     * retry).
     */
    void send(OutboxNotification notification) throws DeliveryException;

    /** A delivery that did not happen. */
    class DeliveryException extends Exception {

        DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }

        DeliveryException(String message) {
            super(message);
        }
    }
}
