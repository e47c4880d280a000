package com.jewellery.ordertracing.jaeger;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects the chunks of a Jaeger stream into whole traces. Jaeger may split a big trace over several
 * chunks and, in principle, put spans of several traces into one, so spans are grouped by their own
 * trace id; resource and scope travel with each group.
 */
final class TraceAssembler {

    private static final HexFormat HEX = HexFormat.of();
    private static final int TRACE_ID_BYTES = 16;

    private final Map<String, List<ResourceSpans>> byTraceId = new LinkedHashMap<>();

    void add(TracesData chunk) {
        for (ResourceSpans resourceSpans : chunk.getResourceSpansList()) {
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                spansByTraceId(scopeSpans)
                        .forEach((traceId, spans) -> byTraceId
                                .computeIfAbsent(traceId, id -> new ArrayList<>())
                                .add(resourceSpans.toBuilder()
                                        .clearScopeSpans()
                                        .addScopeSpans(scopeSpans.toBuilder()
                                                .clearSpans()
                                                .addAllSpans(spans))
                                        .build()));
            }
        }
    }

    List<Trace> traces() {
        return byTraceId.entrySet().stream()
                .map(entry -> new Trace(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static Map<String, List<Span>> spansByTraceId(ScopeSpans scopeSpans) {
        return scopeSpans.getSpansList().stream()
                .collect(Collectors.groupingBy(TraceAssembler::traceId, LinkedHashMap::new, Collectors.toList()));
    }

    private static String traceId(Span span) {
        if (span.getTraceId().size() != TRACE_ID_BYTES) {
            throw new IllegalStateException("span '" + span.getName() + "' has a trace id of "
                    + span.getTraceId().size() + " bytes instead of " + TRACE_ID_BYTES);
        }
        return HEX.formatHex(span.getTraceId().toByteArray());
    }
}
