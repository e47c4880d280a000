package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.incidents.domain.StatusClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An incident as its page shows it. {@code version} goes back with every change, so a change based on an
 * older read is refused ({@link IncidentConflictException}).
 *
 * @param fingerprints what kinds of failure join it by themselves, as people read them
 * @param allowedNext  the states a status change may lead to now
 */
public record IncidentDetails(
        String key,
        long version,
        String title,
        String description,
        Severity severity,
        IncidentStatus status,
        String assignee,
        Set<String> stages,
        List<String> tags,
        String rootCause,
        String resolutionNote,
        String mergedIntoKey,
        int failuresAfterResolution,
        int reopenCount,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        StatusClock times,
        List<String> fingerprints,
        Set<IncidentStatus> allowedNext,
        boolean canReopen) {}
