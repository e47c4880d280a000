package com.jewellery.ordertracing.incidents.domain;

import java.time.Instant;

/**
 * The moments of an incident's life the weekly review measures, and how each transition moves them. Leaving
 * TRIAGE for anything but CANCELED or MERGED acknowledges it; reaching MITIGATED, or RESOLVED directly,
 * mitigates it (a fix mitigates too). Acknowledged and mitigated keep the first time; resolved and closed the
 * latest, so a reopened incident counts until it is fixed for good.
 */
public record StatusClock(
        Instant createdAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant canceledAt,
        Instant mergedAt,
        Instant reopenedAt) {

    public static StatusClock openedAt(Instant at) {
        return new StatusClock(at, null, null, null, null, null, null, null);
    }

    /**
     * Checks the transition and returns the clock after it.
     *
     * @throws IllegalTransitionException when {@code to} is not among {@code from.allowedNext()}
     */
    public StatusClock transition(IncidentStatus from, IncidentStatus to, Instant at) {
        if (!from.allowedNext().contains(to)) {
            throw new IllegalTransitionException(from, to, from.allowedNext());
        }
        return switch (to) {
            case INVESTIGATING ->
                new StatusClock(
                        createdAt,
                        first(acknowledgedAt, at),
                        mitigatedAt,
                        resolvedAt,
                        closedAt,
                        canceledAt,
                        mergedAt,
                        reopenedAt);
            case MITIGATED ->
                new StatusClock(
                        createdAt,
                        first(acknowledgedAt, at),
                        first(mitigatedAt, at),
                        resolvedAt,
                        closedAt,
                        canceledAt,
                        mergedAt,
                        reopenedAt);
            case RESOLVED ->
                new StatusClock(
                        createdAt,
                        first(acknowledgedAt, at),
                        first(mitigatedAt, at),
                        at,
                        closedAt,
                        canceledAt,
                        mergedAt,
                        reopenedAt);
            case CLOSED ->
                new StatusClock(
                        createdAt, acknowledgedAt, mitigatedAt, resolvedAt, at, canceledAt, mergedAt, reopenedAt);
            case CANCELED ->
                new StatusClock(createdAt, acknowledgedAt, mitigatedAt, resolvedAt, closedAt, at, mergedAt, reopenedAt);
            case MERGED ->
                new StatusClock(
                        createdAt, acknowledgedAt, mitigatedAt, resolvedAt, closedAt, canceledAt, at, reopenedAt);
            case TRIAGE -> throw new IllegalStateException("no transition leads back to TRIAGE");
        };
    }

    /**
     * A reopen: the incident goes back to INVESTIGATING; resolved and closed are cleared until it is fixed again.
     *
     * @throws IllegalTransitionException when the incident is not RESOLVED or CLOSED
     */
    public StatusClock reopen(IncidentStatus from, Instant at) {
        if (!from.canReopen()) {
            throw new IllegalTransitionException(from, IncidentStatus.INVESTIGATING, from.allowedNext());
        }
        return new StatusClock(createdAt, acknowledgedAt, mitigatedAt, null, null, canceledAt, mergedAt, at);
    }

    private static Instant first(Instant kept, Instant now) {
        return kept != null ? kept : now;
    }
}
