package com.jewellery.ordertracing.journey;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Converts OTLP protobuf spans (as Jaeger's api_v3 streams them) into {@link SpanRecord}s. */
public final class SpanRecords {

    private static final String SERVICE_NAME = "service.name";
    private static final HexFormat HEX = HexFormat.of();

    private SpanRecords() {}

    public static List<SpanRecord> fromOtlp(TracesData traces) {
        return fromOtlp(traces.getResourceSpansList());
    }

    public static List<SpanRecord> fromOtlp(ResourceSpans... resourceSpans) {
        return fromOtlp(Arrays.asList(resourceSpans));
    }

    public static List<SpanRecord> fromOtlp(Iterable<ResourceSpans> resourceSpans) {
        Stream.Builder<SpanRecord> records = Stream.builder();
        for (ResourceSpans resource : resourceSpans) {
            String service =
                    attributes(resource.getResource().getAttributesList()).getOrDefault(SERVICE_NAME, "");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> records.add(fromOtlp(service, span)));
            }
        }
        return records.build().toList();
    }

    static SpanRecord fromOtlp(String service, Span span) {
        return new SpanRecord(
                hex(span.getTraceId()),
                hex(span.getSpanId()),
                hex(span.getParentSpanId()),
                service,
                span.getName(),
                kind(span.getKind()),
                span.getStartTimeUnixNano(),
                span.getEndTimeUnixNano(),
                statusCode(span.getStatus().getCode()),
                span.getStatus().getMessage(),
                attributes(span.getAttributesList()),
                span.getEventsList().stream().map(SpanRecords::event).toList(),
                span.getLinksList().stream().map(SpanRecords::link).toList());
    }

    private static SpanRecord.Event event(Span.Event event) {
        return new SpanRecord.Event(event.getName(), event.getTimeUnixNano(), attributes(event.getAttributesList()));
    }

    private static SpanRecord.Link link(Span.Link link) {
        return new SpanRecord.Link(hex(link.getTraceId()), hex(link.getSpanId()));
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        keyValues.forEach(kv -> attributes.put(kv.getKey(), render(kv.getValue())));
        return attributes;
    }

    /** Renders any attribute value as text; the journey only displays and compares attributes. */
    static String render(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BYTES_VALUE -> hex(value.getBytesValue());
            case ARRAY_VALUE ->
                value.getArrayValue().getValuesList().stream()
                        .map(SpanRecords::render)
                        .collect(Collectors.joining(", ", "[", "]"));
            case KVLIST_VALUE ->
                value.getKvlistValue().getValuesList().stream()
                        .map(kv -> kv.getKey() + "=" + render(kv.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"));
            // string-table indexes are used by profiles only; spans never carry them
            case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> "";
        };
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static SpanRecord.Kind kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_INTERNAL -> SpanRecord.Kind.INTERNAL;
            case SPAN_KIND_SERVER -> SpanRecord.Kind.SERVER;
            case SPAN_KIND_CLIENT -> SpanRecord.Kind.CLIENT;
            case SPAN_KIND_PRODUCER -> SpanRecord.Kind.PRODUCER;
            case SPAN_KIND_CONSUMER -> SpanRecord.Kind.CONSUMER;
            case SPAN_KIND_UNSPECIFIED, UNRECOGNIZED -> SpanRecord.Kind.UNSPECIFIED;
        };
    }

    private static SpanRecord.StatusCode statusCode(Status.StatusCode code) {
        return switch (code) {
            case STATUS_CODE_OK -> SpanRecord.StatusCode.OK;
            case STATUS_CODE_ERROR -> SpanRecord.StatusCode.ERROR;
            case STATUS_CODE_UNSET, UNRECOGNIZED -> SpanRecord.StatusCode.UNSET;
        };
    }
}
