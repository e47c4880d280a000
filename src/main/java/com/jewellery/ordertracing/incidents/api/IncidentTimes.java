package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * What the weekly review counts per incident: how long until it was acknowledged, mitigated and resolved
 * (null while it has not been). A reopened incident counts until its latest resolution.
 */
public record IncidentTimes(
        String key,
        Severity severity,
        IncidentStatus status,
        Instant createdAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        int reopenCount,
        long orders) {

    public Duration timeToAcknowledge() {
        return between(acknowledgedAt);
    }

    public Duration timeToMitigate() {
        return between(mitigatedAt);
    }

    public Duration timeToResolve() {
        return between(resolvedAt);
    }

    private Duration between(Instant end) {
        return end == null ? null : Duration.between(createdAt, end);
    }
}
