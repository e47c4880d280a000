package com.jewellery.ordertracing.alerts;

/** What a notification announces. */
public enum AlertEvent {
    OPENED,
    RESOLVED,
    /** An incident was opened (issue 10; the notification belongs to no alert). */
    INCIDENT_OPENED,
    /** An incident's status changed. */
    INCIDENT_STATUS,
    /** A week's analytics review, mailed with its PDF (issue 13; belongs to no alert). */
    WEEKLY_REVIEW
}
