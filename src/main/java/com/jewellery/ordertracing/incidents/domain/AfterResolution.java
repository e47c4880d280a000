package com.jewellery.ordertracing.incidents.domain;

/** What a new matching failure does to a RESOLVED incident (setting {@code portal.incidents.after-resolution}). */
public enum AfterResolution {
    /** The order joins and the incident is flagged "failures after resolution"; its status stays. */
    FLAG,
    /** The order joins and the incident is reopened (recorded as a reopen by the rule). */
    REOPEN
}
