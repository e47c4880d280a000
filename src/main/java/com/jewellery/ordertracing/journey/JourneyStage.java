package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One expected stage of an order's journey. For a {@link StageState#MISSING} stage the times,
 * {@code orderStatus} are null and the lists empty.
 *
 * @param definition  the catalog stage
 * @param state       OK, ERROR or MISSING
 * @param start       earliest start of its spans (derived stage: end of the stage before)
 * @param end         latest end of its spans (derived stage: start of the stage after, never before start)
 * @param duration    end - start
 * @param spans       the stage's spans ordered by end time, so a retried stage lists every attempt and
 *                    the last one decides the state; a derived stage lists the two spans it is measured between
 * @param orderStatus {@code order.status} of the last span
 * @param attributes  attributes of the last span
 * @param slaExceeded the duration is longer than the stage's SLA
 * @param clockSkew   the stage after a derived wait started before the stage before it (the services' clocks
 *                    disagree); the wait is then zero
 */
public record JourneyStage(
        StageDefinition definition,
        StageState state,
        Instant start,
        Instant end,
        Duration duration,
        List<SpanRef> spans,
        String orderStatus,
        Map<String, String> attributes,
        boolean slaExceeded,
        boolean clockSkew) {

    public JourneyStage {
        spans = List.copyOf(spans);
        attributes = Map.copyOf(attributes);
    }

    static JourneyStage missing(StageDefinition definition) {
        return new JourneyStage(
                definition, StageState.MISSING, null, null, null, List.of(), null, Map.of(), false, false);
    }

    public String id() {
        return definition.id();
    }

    public String service() {
        return definition.service();
    }

    public boolean isReached() {
        return state != StageState.MISSING;
    }

    /** Trace of the stage's last span; null when missing. */
    public String traceId() {
        return spans.isEmpty() ? null : spans.getLast().traceId();
    }
}
