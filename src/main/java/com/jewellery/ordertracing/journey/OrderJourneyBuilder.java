package com.jewellery.ordertracing.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the journey of one order from its distinct spans. */
final class OrderJourneyBuilder {

    private final StageCatalog catalog;
    private final String orderId;
    private final List<SpanRecord> spans;
    private final Map<SpanRef, SpanRecord> spansByRef = new HashMap<>();
    private final Map<SpanRef, StageDefinition> stageBySpan = new HashMap<>();

    OrderJourneyBuilder(StageCatalog catalog, String orderId, List<SpanRecord> spans) {
        this.catalog = catalog;
        this.orderId = orderId;
        this.spans = spans.stream()
                .sorted(Comparator.comparingLong(SpanRecord::startEpochNanos).thenComparing(SpanRecord::spanId))
                .toList();
        this.spans.forEach(span -> {
            spansByRef.put(span.ref(), span);
            catalog.stageFor(span).ifPresent(stage -> stageBySpan.put(span.ref(), stage));
        });
    }

    OrderJourney build() {
        List<JourneyStage> stages = stages();
        List<JourneyError> errors = JourneyErrors.collect(spans, this::errorStageId);
        Optional<JourneyStage> lastReached =
                stages.reversed().stream().filter(JourneyStage::isReached).findFirst();
        Instant firstSeen = spans.stream()
                .map(SpanRecord::start)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant lastSeen = spans.stream()
                .map(SpanRecord::end)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new OrderJourney(
                orderId,
                outcome(stages, lastReached, errors),
                currentStatus(lastReached),
                stages,
                errors,
                traceIds(),
                firstSeen,
                lastSeen,
                Duration.between(firstSeen, lastSeen).compareTo(catalog.endToEndSla()) > 0,
                spans);
    }

    private List<JourneyStage> stages() {
        List<StageDefinition> definitions = catalog.stages();
        List<JourneyStage> stages = new ArrayList<>(definitions.stream()
                .map(definition -> StageMeasurer.fromSpans(definition, spansOf(definition)))
                .toList());
        // the catalog guarantees every derived stage sits between two span stages
        for (int i = 0; i < definitions.size(); i++) {
            if (definitions.get(i).isDerived()) {
                stages.set(i, StageMeasurer.queueWait(definitions.get(i), stages.get(i - 1), stages.get(i + 1)));
            }
        }
        return stages;
    }

    private List<SpanRecord> spansOf(StageDefinition definition) {
        return spans.stream()
                .filter(span -> definition.equals(stageBySpan.get(span.ref())))
                .toList();
    }

    /** A span outside the catalog (e.g. an HTTP server span) reports its errors under its nearest staged ancestor. */
    private String errorStageId(SpanRecord span) {
        Set<SpanRef> visited = new HashSet<>();
        for (SpanRecord current = span;
                current != null && visited.add(current.ref());
                current = spansByRef.get(new SpanRef(current.traceId(), current.parentSpanId()))) {
            StageDefinition stage = stageBySpan.get(current.ref());
            if (stage != null) {
                return stage.id();
            }
        }
        return null;
    }

    private static JourneyOutcome outcome(
            List<JourneyStage> stages, Optional<JourneyStage> lastReached, List<JourneyError> errors) {
        boolean completed =
                stages.stream().anyMatch(stage -> stage.definition().terminal() && stage.state() == StageState.OK);
        if (completed) {
            return JourneyOutcome.COMPLETED;
        }
        boolean deadLettered = errors.stream().anyMatch(error -> error.kind() == JourneyError.Kind.DEAD_LETTER);
        boolean lastFailed =
                lastReached.filter(stage -> stage.state() == StageState.ERROR).isPresent();
        return deadLettered || lastFailed ? JourneyOutcome.FAILED : JourneyOutcome.IN_PROGRESS;
    }

    /** Status after the furthest stage; spans outside the catalog only count when no stage carried one. */
    private String currentStatus(Optional<JourneyStage> lastReached) {
        return lastReached
                .map(JourneyStage::orderStatus)
                .or(() -> spans.stream()
                        .filter(span -> span.attribute(SpanRecord.ORDER_STATUS).isPresent())
                        .max(Comparator.comparingLong(SpanRecord::endEpochNanos))
                        .flatMap(span -> span.attribute(SpanRecord.ORDER_STATUS)))
                .orElse(null);
    }

    private List<String> traceIds() {
        return spans.stream().map(SpanRecord::traceId).distinct().toList();
    }
}
