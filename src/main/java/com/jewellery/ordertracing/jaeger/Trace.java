package com.jewellery.ordertracing.jaeger;

import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.util.List;

/**
 * One trace as Jaeger stores it: the spans grouped by resource (service) and instrumentation scope, in
 * OTLP form. Chunks of a big trace are already merged.
 *
 * @param traceId 32 lower-case hex digits
 */
public record Trace(String traceId, List<ResourceSpans> resourceSpans) {

    public Trace {
        resourceSpans = List.copyOf(resourceSpans);
    }

    /** All spans, each with the service that wrote it, in the order Jaeger sent them. */
    public List<TraceSpan> spans() {
        return resourceSpans.stream()
                .flatMap(resource -> resource.getScopeSpansList().stream()
                        .flatMap(scope ->
                                scope.getSpansList().stream().map(span -> new TraceSpan(resource.getResource(), span))))
                .toList();
    }
}
