package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traces one indexer run has already stored, with their span counts. In the "continue" style one trace
 * holds the shop's, the CRM's and the MES's spans, so each service's search returns it again; unless it
 * grew in between, storing it again would only be turned away by the database.
 */
final class SeenTraces {

    private final Map<String, Integer> spanCounts = new HashMap<>();

    /** The traces that are new to this run, or have more spans than when it saw them; remembers them. */
    List<Trace> unseen(List<Trace> traces) {
        return traces.stream().filter(this::firstTimeAtThisSize).toList();
    }

    private boolean firstTimeAtThisSize(Trace trace) {
        int spans = trace.resourceSpans().stream()
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .mapToInt(scope -> scope.getSpansCount())
                .sum();
        Integer before = spanCounts.put(trace.traceId(), spans);
        return before == null || before != spans;
    }
}
