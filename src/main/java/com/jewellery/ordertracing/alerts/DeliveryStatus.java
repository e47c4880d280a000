package com.jewellery.ordertracing.alerts;

/** Where a notification stands in the outbox. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    GAVE_UP
}
