package com.jewellery.ordertracing.incidents.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a new failure whose fingerprint an incident owns joins it. Open incidents take every such failure.
 * A RESOLVED one takes failures within {@code resolvedWindow} of its resolution, and says so (flag or reopen),
 * never silently; later failures, and any for a CLOSED, CANCELED or MERGED incident, do not join: they are
 * a new problem with an old face (Sentry's old-release trap) and show up among the suggestions instead.
 * Failures from before the incident existed minus {@code lookback} stay out too.
 */
public record AutoAttachRule(AfterResolution afterResolution, Duration resolvedWindow, Duration lookback) {

    public enum Decision {
        ATTACH,
        ATTACH_AND_FLAG,
        ATTACH_AND_REOPEN,
        IGNORE
    }

    public Decision decide(IncidentStatus status, Instant createdAt, Instant resolvedAt, Instant failedAt) {
        if (failedAt.isBefore(createdAt.minus(lookback))) {
            return Decision.IGNORE;
        }
        if (status.isOpen()) {
            return Decision.ATTACH;
        }
        if (status == IncidentStatus.RESOLVED
                && resolvedAt != null
                && failedAt.isAfter(resolvedAt)
                && !failedAt.isAfter(resolvedAt.plus(resolvedWindow))) {
            return afterResolution == AfterResolution.REOPEN ? Decision.ATTACH_AND_REOPEN : Decision.ATTACH_AND_FLAG;
        }
        if (status == IncidentStatus.RESOLVED && resolvedAt != null && !failedAt.isAfter(resolvedAt)) {
            // failed before the fix, indexed after it: part of the incident, nothing new about the fix
            return Decision.ATTACH;
        }
        return Decision.IGNORE;
    }
}
