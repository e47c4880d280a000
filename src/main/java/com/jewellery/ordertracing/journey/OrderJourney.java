package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the traces tell about one order: every catalog stage in flow order (unreached ones
 * {@link StageState#MISSING}), errors, outcome, and the raw spans for a developer view.
 *
 * @param orderId             the {@code order.id}
 * @param outcome             COMPLETED, IN_PROGRESS or FAILED
 * @param currentStatus       {@code order.status} after the last stage reached; null if no span carried one
 * @param stages              one entry per catalog stage, in catalog order
 * @param errors              errors ordered by time
 * @param traceIds            traces the order's spans came from, in order of their first span
 * @param firstSeen           earliest span start
 * @param lastSeen            latest span end
 * @param endToEndSlaExceeded lastSeen - firstSeen is longer than the catalog's end-to-end SLA
 * @param spans               the order's distinct spans, ordered by start time
 */
public record OrderJourney(
        String orderId,
        JourneyOutcome outcome,
        String currentStatus,
        List<JourneyStage> stages,
        List<JourneyError> errors,
        List<String> traceIds,
        Instant firstSeen,
        Instant lastSeen,
        boolean endToEndSlaExceeded,
        List<SpanRecord> spans) {

    public OrderJourney {
        stages = List.copyOf(stages);
        errors = List.copyOf(errors);
        traceIds = List.copyOf(traceIds);
        spans = List.copyOf(spans);
    }

    public Optional<JourneyStage> stage(String stageId) {
        return stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
    }

    /** The reached stage furthest along the flow (by catalog order, not by timestamps). */
    public Optional<JourneyStage> lastReachedStage() {
        return stages.reversed().stream().filter(JourneyStage::isReached).findFirst();
    }

    /**
     * The error where the order's failure started: the earliest error at the furthest stage that has one. An
     * exception propagates outwards (the price calculation's exception is recorded again, later, on the MES
     * consumer span), so the latest error names the wrapper, not the fault; an earlier error at an earlier stage
     * that a retry got past is not what stopped the order.
     */
    public Optional<JourneyError> originError() {
        List<String> order = stages.stream().map(JourneyStage::id).toList();
        Comparator<JourneyError> furthestFirst = Comparator.comparingInt(
                        (JourneyError error) -> error.stageId() == null ? -1 : order.indexOf(error.stageId()))
                .reversed();
        return errors.stream().min(furthestFirst.thenComparing(JourneyError::time));
    }

    /** Every stage without spans, including those the order has simply not reached yet. */
    public List<JourneyStage> missingStages() {
        return stages.stream().filter(stage -> !stage.isReached()).toList();
    }

    /** Missing stages before the last reached one: passed, but their spans are absent (lost or unsampled). */
    public List<JourneyStage> gaps() {
        int last = lastReachedStage().map(stages::indexOf).orElse(-1);
        return stages.subList(0, last + 1).stream()
                .filter(stage -> !stage.isReached())
                .toList();
    }

    public Duration totalDuration() {
        return Duration.between(firstSeen, lastSeen);
    }

    public boolean clockSkew() {
        return stages.stream().anyMatch(JourneyStage::clockSkew);
    }

    public boolean deadLettered() {
        return errors.stream().anyMatch(error -> error.kind() == JourneyError.Kind.DEAD_LETTER);
    }
}
