package com.jewellery.ordertracing.incidents.api;

/** What a timeline entry records. */
public enum TimelineKind {
    CREATED,
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
