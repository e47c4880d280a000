package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns a stage's spans, or the stages around a derived wait, into a {@link JourneyStage}. */
final class StageMeasurer {

    private StageMeasurer() {}

    /** @param spans the stage's spans; several when the stage was retried (e.g. a redelivered message) */
    static JourneyStage fromSpans(StageDefinition definition, List<SpanRecord> spans) {
        if (spans.isEmpty()) {
            return JourneyStage.missing(definition);
        }
        List<SpanRecord> byEnd = spans.stream()
                .sorted(Comparator.comparingLong(SpanRecord::endEpochNanos))
                .toList();
        SpanRecord last = byEnd.getLast();
        Instant start = byEnd.stream()
                .map(SpanRecord::start)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant end = last.end();
        Duration duration = Duration.between(start, end);
        return new JourneyStage(
                definition,
                last.isError() ? StageState.ERROR : StageState.OK,
                start,
                end,
                duration,
                byEnd.stream().map(SpanRecord::ref).toList(),
                last.attribute(SpanRecord.ORDER_STATUS).orElse(null),
                last.attributes(),
                exceeds(duration, definition),
                false);
    }

    /**
     * The wait from the end of {@code before} to the start of {@code after}, never negative. A publisher
     * that waits for the broker's confirm ends its span after the message may already be consumed, so
     * {@code after} starting inside {@code before} is a wait of zero, placed where {@code after} starts: the wait
     * always ends when the consumer takes the message, so it is drawn between the two, never after the consumer.
     * Only {@code after} starting before {@code before} even began is impossible on agreeing clocks: that is
     * flagged as clock skew.
     */
    static JourneyStage queueWait(StageDefinition definition, JourneyStage before, JourneyStage after) {
        if (!before.isReached() || !after.isReached()) {
            return JourneyStage.missing(definition);
        }
        boolean clockSkew = after.start().isBefore(before.start());
        Instant start = before.end().isAfter(after.start()) ? after.start() : before.end();
        Duration wait = Duration.between(start, after.start());
        return new JourneyStage(
                definition,
                StageState.OK,
                start,
                after.start(),
                wait,
                List.of(before.spans().getLast(), after.spans().getFirst()),
                null,
                Map.of(),
                exceeds(wait, definition),
                clockSkew);
    }

    private static boolean exceeds(Duration duration, StageDefinition definition) {
        return duration.compareTo(definition.sla()) > 0;
    }
}
