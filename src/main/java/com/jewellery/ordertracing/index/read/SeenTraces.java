package com.jewellery.ordertracing.index.read;

import com.jewellery.ordertracing.jaeger.Trace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traces the indexer has stored lately, with their span counts. A trace comes back again and again:
 * in the next piece when its spans straddle two, and in every run while it lies within the overlap that
 * each run re-reads. Unless it grew in between, storing it again would only read its orders back from
 * the database to find nothing new. A trace not read again for {@code memory} is forgotten, which bounds
 * the map to the traces of about the overlap; a forgotten trace read again is simply checked against
 * the database. Used by one thread at a time.
 */
public final class SeenTraces {

    private final Map<String, Seen> seen = new HashMap<>();
    private final Duration memory;
    private final Clock clock;

    /** @param memory how long a trace that is not read again is remembered */
    public SeenTraces(Duration memory, Clock clock) {
        this.memory = memory;
        this.clock = clock;
    }

    /** The traces that are new, or have more spans than when they were last stored. */
    List<Trace> unseen(List<Trace> traces) {
        return traces.stream()
                .filter(trace -> {
                    Seen before = seen.get(trace.traceId());
                    return before == null || before.spans() != spanCount(trace);
                })
                .toList();
    }

    /**
     * Remembers traces as stored, or as seen again; call it once their transaction has committed, so a
     * rolled-back piece is stored when it is read again.
     */
    void remember(List<Trace> traces) {
        Instant now = clock.instant();
        traces.forEach(trace -> seen.put(trace.traceId(), new Seen(spanCount(trace), now)));
    }

    /** Forgets the traces not seen within {@code memory}. */
    public void forgetOld() {
        Instant oldest = clock.instant().minus(memory);
        seen.values().removeIf(entry -> entry.at().isBefore(oldest));
    }

    /** Forgets everything, e.g. when what was stored may have been lost or changed by someone else. */
    public void forgetAll() {
        seen.clear();
    }

    int size() {
        return seen.size();
    }

    private static int spanCount(Trace trace) {
        return trace.resourceSpans().stream()
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .mapToInt(scope -> scope.getSpansCount())
                .sum();
    }

    private record Seen(int spans, Instant at) {}
}
