package com.jewellery.ordertracing.journey;

import java.time.Instant;
import java.util.Map;

/**
 * Something that went wrong on an order's span.
 *
 * @param kind          what signalled it
 * @param stageId       the stage of the span, or of its nearest ancestor that has one; null if none
 * @param span          where it happened
 * @param service       the span's service
 * @param spanName      the span's name
 * @param time          time of the event, or the span's end for a bare ERROR status
 * @param message       exception message, else the span's status description
 * @param exceptionType {@code exception.type}; null when not an exception
 * @param stacktrace    {@code exception.stacktrace}; null when not recorded
 * @param attributes    the event's attributes (empty for a bare ERROR status)
 */
public record JourneyError(
        Kind kind,
        String stageId,
        SpanRef span,
        String service,
        String spanName,
        Instant time,
        String message,
        String exceptionType,
        String stacktrace,
        Map<String, String> attributes) {

    /** What signalled the error. */
    public enum Kind {
        /** An {@code exception} event. */
        EXCEPTION,
        /** A {@code dead_letter} event: the message went to the dead-letter queue. */
        DEAD_LETTER,
        /** Span status ERROR with no event to explain it. */
        STATUS
    }

    public JourneyError {
        attributes = Map.copyOf(attributes);
    }
}
