package com.jewellery.ordertracing.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads errors from spans the way the trace contract writes them. */
final class JourneyErrors {

    static final String EXCEPTION_EVENT = "exception";
    static final String DEAD_LETTER_EVENT = "dead_letter";
    private static final String EXCEPTION_TYPE = "exception.type";
    private static final String EXCEPTION_MESSAGE = "exception.message";
    private static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    private JourneyErrors() {}

    /** @param stageIdOf the stage a span's errors belong to, or null */
    static List<JourneyError> collect(List<SpanRecord> spans, Function<SpanRecord, String> stageIdOf) {
        return spans.stream()
                .flatMap(span -> errorsOf(span, stageIdOf.apply(span)).stream())
                .sorted(Comparator.comparing(JourneyError::time))
                .toList();
    }

    private static List<JourneyError> errorsOf(SpanRecord span, String stageId) {
        List<JourneyError> errors = new ArrayList<>();
        for (SpanRecord.Event event : span.events()) {
            switch (event.name()) {
                case EXCEPTION_EVENT -> errors.add(exception(span, stageId, event));
                case DEAD_LETTER_EVENT -> errors.add(deadLetter(span, stageId, event));
                default -> {}
            }
        }
        // an ERROR status already explained by events would only repeat them
        if (errors.isEmpty() && span.isError()) {
            errors.add(new JourneyError(
                    JourneyError.Kind.STATUS,
                    stageId,
                    span.ref(),
                    span.service(),
                    span.name(),
                    span.end(),
                    span.statusMessage(),
                    null,
                    null,
                    Map.of()));
        }
        return errors;
    }

    private static JourneyError exception(SpanRecord span, String stageId, SpanRecord.Event event) {
        Map<String, String> attributes = event.attributes();
        return new JourneyError(
                JourneyError.Kind.EXCEPTION,
                stageId,
                span.ref(),
                span.service(),
                span.name(),
                event.time(),
                attributes.getOrDefault(EXCEPTION_MESSAGE, span.statusMessage()),
                attributes.get(EXCEPTION_TYPE),
                attributes.get(EXCEPTION_STACKTRACE),
                attributes);
    }

    private static JourneyError deadLetter(SpanRecord span, String stageId, SpanRecord.Event event) {
        String message =
                span.statusMessage().isEmpty() ? "message sent to the dead-letter queue" : span.statusMessage();
        return new JourneyError(
                JourneyError.Kind.DEAD_LETTER,
                stageId,
                span.ref(),
                span.service(),
                span.name(),
                event.time(),
                message,
                null,
                null,
                event.attributes());
    }
}
