package com.jewellery.ordertracing.jaeger;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** A span together with the resource that wrote it; the accessors read the OTLP fields most callers need. */
public record TraceSpan(Resource resource, Span span) {

    private static final HexFormat HEX = HexFormat.of();

    /** The resource's {@code service.name}, or an empty string when the resource has none. */
    public String serviceName() {
        return find(resource.getAttributesList(), "service.name").orElse("");
    }

    public String name() {
        return span.getName();
    }

    public String traceId() {
        return HEX.formatHex(span.getTraceId().toByteArray());
    }

    public String spanId() {
        return HEX.formatHex(span.getSpanId().toByteArray());
    }

    /** Empty for a root span. */
    public String parentSpanId() {
        return HEX.formatHex(span.getParentSpanId().toByteArray());
    }

    public Instant start() {
        return nanos(span.getStartTimeUnixNano());
    }

    public Instant end() {
        return nanos(span.getEndTimeUnixNano());
    }

    /** A span attribute as text (numbers and booleans too), if the span carries it. */
    public Optional<String> attribute(String key) {
        return find(span.getAttributesList(), key);
    }

    private static Optional<String> find(List<KeyValue> attributes, String key) {
        return attributes.stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .findFirst()
                .map(attribute -> text(attribute.getValue()));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }

    private static Instant nanos(long unixNanos) {
        return Instant.ofEpochSecond(0, unixNanos);
    }
}
