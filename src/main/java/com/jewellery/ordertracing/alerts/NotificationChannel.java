package com.jewellery.ordertracing.alerts;

import java.util.List;

/** One way of telling people about alerts. */
interface NotificationChannel {

    ChannelType type();

    /** Whether it has what it needs (an address); unconfigured channels get no notifications. */
    boolean configured();

    /**
     * Whether it can deliver to the given recipients of a notification of their own (e-mail: an SMTP
     * server); channels without recipients of their own never can.
     */
    default boolean reaches(List<String> recipients) {
        return false;
    }

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
