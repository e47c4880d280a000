package com.jewellery.ordertracing.journey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished span as the journey model needs it, independent of protobuf so the assembly can be
 * tested with plain fixtures. Ids are lower-case hex; a root span has an empty {@code parentSpanId};
 * attribute values are rendered as strings.
 */
public record SpanRecord(
        String traceId,
        String spanId,
        String parentSpanId,
        String service,
        String name,
        Kind kind,
        long startEpochNanos,
        long endEpochNanos,
        StatusCode statusCode,
        String statusMessage,
        Map<String, String> attributes,
        List<Event> events,
        List<Link> links) {

    /** Attribute that ties a span to an order (trace contract 0002). */
    public static final String ORDER_ID = "order.id";
    /** Attribute with the order's status when the span ends. */
    public static final String ORDER_STATUS = "order.status";

    /** OpenTelemetry span kind. */
    public enum Kind {
        UNSPECIFIED,
        INTERNAL,
        SERVER,
        CLIENT,
        PRODUCER,
        CONSUMER
    }

    /** OpenTelemetry span status code. */
    public enum StatusCode {
        UNSET,
        OK,
        ERROR
    }

    /** A span event such as {@code exception} or {@code dead_letter}. */
    public record Event(String name, long epochNanos, Map<String, String> attributes) {
        public Event {
            Objects.requireNonNull(name, "name");
            attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
        }

        public Instant time() {
            return instant(epochNanos);
        }
    }

    /** A link to a span of (usually) another trace, e.g. the consumer's link to the producer. */
    public record Link(String traceId, String spanId) {
        public Link {
            Objects.requireNonNull(traceId, "traceId");
            Objects.requireNonNull(spanId, "spanId");
        }
    }

    public SpanRecord {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(name, "name");
        parentSpanId = parentSpanId == null ? "" : parentSpanId;
        service = service == null ? "" : service;
        kind = kind == null ? Kind.UNSPECIFIED : kind;
        statusCode = statusCode == null ? StatusCode.UNSET : statusCode;
        statusMessage = statusMessage == null ? "" : statusMessage;
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
        events = List.copyOf(events == null ? List.of() : events);
        links = List.copyOf(links == null ? List.of() : links);
    }

    public SpanRef ref() {
        return new SpanRef(traceId, spanId);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** The order this span belongs to; empty when the attribute is missing or blank. */
    public Optional<String> orderId() {
        return attribute(ORDER_ID).filter(id -> !id.isBlank());
    }

    public boolean isRoot() {
        return parentSpanId.isEmpty();
    }

    public boolean isError() {
        return statusCode == StatusCode.ERROR;
    }

    public Instant start() {
        return instant(startEpochNanos);
    }

    public Instant end() {
        return instant(endEpochNanos);
    }

    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }
}
