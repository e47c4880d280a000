package com.jewellery.ordertracing.alerts;

/** What a notification announces. */
public enum AlertEvent {
    OPENED, RESOLVED
}
