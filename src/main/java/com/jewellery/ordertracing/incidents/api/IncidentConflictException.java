package com.jewellery.ordertracing.incidents.api;

import java.time.Instant;

/**
 * Someone saved the incident after this user read it: nothing was saved, so nobody's change is lost.
 *
 * @param changedBy who saved in between; null when the race was caught only at commit
 * @param changedAt when; null likewise
 */
public class IncidentConflictException extends RuntimeException {

    private final String changedBy;
    private final Instant changedAt;

    public IncidentConflictException(String key, String changedBy, Instant changedAt) {
        super(key + " was changed by " + changedBy + " at " + changedAt + " meanwhile");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
