package com.jewellery.ordertracing.alerts;

/** What a notification announces. */
public enum AlertEvent {
    OPENED,
    RESOLVED,
    /** An incident was opened (issue 10; the notification belongs to no alert). */
    INCIDENT_OPENED,
    /** An incident's status changed. */
    INCIDENT_STATUS
}
