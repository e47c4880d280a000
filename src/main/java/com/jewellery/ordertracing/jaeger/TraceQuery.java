package com.jewellery.ordertracing.jaeger;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trace search. Every filter matches single spans; Jaeger returns the traces that hold at least one
 * span matching all of them. Start with {@link #between(Instant, Instant)} and narrow with the withers.
 *
 * @param service     service name, or {@code null} for any
 * @param operation   span name, or {@code null} for any
 * @param attributes  span or resource attributes, values as strings
 * @param startMin    earliest span start, inclusive (Jaeger requires it)
 * @param startMax    latest span start, exclusive (Jaeger requires it)
 * @param durationMin shortest span duration, or {@code null}
 * @param durationMax longest span duration, or {@code null}
 * @param searchDepth most traces to return; 0 means the client's default
 */
public record TraceQuery(
        String service,
        String operation,
        Map<String, String> attributes,
        Instant startMin,
        Instant startMax,
        Duration durationMin,
        Duration durationMax,
        int searchDepth) {

    public TraceQuery {
        new TimeRange(startMin, startMax); // validates the window
        attributes = Map.copyOf(attributes);
        if (searchDepth < 0) {
            throw new IllegalArgumentException("searchDepth must not be negative, was " + searchDepth);
        }
    }

    /** Every trace with a span that started in the window. */
    public static TraceQuery between(Instant startMin, Instant startMax) {
        return new TraceQuery(null, null, Map.of(), startMin, startMax, null, null, 0);
    }

    public TraceQuery withService(String newService) {
        return new TraceQuery(
                newService, operation, attributes, startMin, startMax, durationMin, durationMax, searchDepth);
    }

    public TraceQuery withOperation(String newOperation) {
        return new TraceQuery(
                service, newOperation, attributes, startMin, startMax, durationMin, durationMax, searchDepth);
    }

    public TraceQuery withAttribute(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new TraceQuery(service, operation, more, startMin, startMax, durationMin, durationMax, searchDepth);
    }

    public TraceQuery withDuration(Duration min, Duration max) {
        return new TraceQuery(service, operation, attributes, startMin, startMax, min, max, searchDepth);
    }

    public TraceQuery withSearchDepth(int depth) {
        return new TraceQuery(service, operation, attributes, startMin, startMax, durationMin, durationMax, depth);
    }
}
