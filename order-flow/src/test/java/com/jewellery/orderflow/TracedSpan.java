package com.jewellery.orderflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One span as Jaeger's api_v3 returns it (OTLP JSON), reduced to what the tests check. */
record TracedSpan(
        String service,
        String traceId,
        String spanId,
        String parentSpanId,
        String name,
        int kind,
        int statusCode,
        long startNanos,
        long endNanos,
        Map<String, String> attributes,
        List<Event> events,
        List<Link> links) {

    static final int KIND_INTERNAL = 1;
    static final int KIND_SERVER = 2;
    static final int KIND_CLIENT = 3;
    static final int KIND_PRODUCER = 4;
    static final int KIND_CONSUMER = 5;
    static final int STATUS_ERROR = 2;

    record Event(String name, Map<String, String> attributes) {}

    record Link(String traceId, String spanId) {}

    String attribute(String key) {
        return attributes.get(key);
    }

    boolean isRoot() {
        return parentSpanId.isEmpty();
    }

    boolean failed() {
        return statusCode == STATUS_ERROR;
    }

    Duration duration() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    Optional<Event> event(String eventName) {
        return events.stream().filter(event -> event.name().equals(eventName)).findFirst();
    }
}
