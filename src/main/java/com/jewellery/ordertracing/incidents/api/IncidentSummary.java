package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import java.time.Instant;
import java.util.Set;

/** One row of the incident list. */
public record IncidentSummary(
        String key,
        String title,
        IncidentStatus status,
        Severity severity,
        String assignee,
        Set<String> stages,
        long orders,
        int failuresAfterResolution,
        Instant updatedAt) {}
