package com.jewellery.ordertracing.incidents.api;

/** What a timeline entry records. */
public enum TimelineKind {
    CREATED,
    /** Opened from an alert: {@code to} the rule's name, {@code from} the alert's id, the body its text. */
    FROM_ALERT,
    COMMENT,
    STATUS,
    REOPENED,
    SEVERITY,
    ASSIGNEE,
    EDITED,
    ROOT_CAUSE,
    ORDERS_ATTACHED,
    ORDERS_DETACHED,
    FINGERPRINT_ADDED,
    FAILURES_AFTER_RESOLUTION,
    MERGED_INTO,
    MERGED_FROM
}
