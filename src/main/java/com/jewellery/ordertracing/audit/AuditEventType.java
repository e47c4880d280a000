package com.jewellery.ordertracing.audit;

/** What an audit entry records. */
public enum AuditEventType {
    SIGN_IN,
    SIGN_OUT,
    ACCESS_DENIED,
    /** A change to an incident (issue 10): who, which incident, what. */
    INCIDENT,
    /** Weekly review commentary written or a review regenerated (issue 13). */
    REVIEW
}
