package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.jaeger.TraceSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every trace of a window although Jaeger returns at most search-depth traces per search: a search
 * that comes back full may have left traces out, so its window is split and each piece is read again,
 * down to a millisecond. Jaeger answers newest first, so a full answer shows how much of the window
 * search-depth traces cover; the pieces are cut to hold about half that many, which keeps full (wasted)
 * answers rare when a long backlog is read.
 */
final class WindowReader {

    /** Below this a window is not split further; a full answer then is reported, not silently cut. */
    static final Duration MIN_WIDTH = Duration.ofMillis(1);
    /** Most pieces one full answer is split into; a piece that is still full is split again. */
    static final int MAX_PIECES = 256;

    private final TraceSource source;
    private final int searchDepth;

    WindowReader(TraceSource source, int searchDepth) {
        this.source = source;
        this.searchDepth = searchDepth;
    }

    /** The distinct traces of the service with a span that started in the range. */
    WindowRead read(String service, TimeRange range) {
        WindowRead.Builder result = new WindowRead.Builder();
        read(service, range, result);
        return result.build();
    }

    private void read(String service, TimeRange range, WindowRead.Builder result) {
        List<Trace> traces = source.find(service, range, searchDepth);
        result.searches++;
        if (traces.size() < searchDepth) {
            result.add(traces);
            return;
        }
        List<TimeRange> pieces = split(service, range, traces);
        if (pieces.isEmpty()) {
            result.add(traces);
            result.saturated.add(range);
        }
        pieces.forEach(piece -> read(service, piece, result));
    }

    /** Pieces of the range for a full answer; empty when the range is too narrow to split. */
    static List<TimeRange> split(String service, TimeRange range, List<Trace> fullAnswer) {
        Duration width = Duration.between(range.from(), range.to());
        if (width.dividedBy(2).compareTo(MIN_WIDTH) < 0) {
            return List.of();
        }
        Instant oldestMatch = fullAnswer.stream().map(trace -> latestStart(service, range, trace))
                .min(Instant::compareTo).orElse(range.from());
        Duration covered = Duration.between(oldestMatch, range.to());
        long count = covered.isPositive()
                ? Math.clamp(Math.ceilDiv(2 * width.toNanos(), covered.toNanos()), 2, MAX_PIECES) : 2;
        Duration step = width.dividedBy(count).compareTo(MIN_WIDTH) < 0 ? MIN_WIDTH : width.dividedBy(count);
        List<TimeRange> pieces = new ArrayList<>();
        for (Instant start = range.from(); start.isBefore(range.to()); start = start.plus(step)) {
            Instant end = start.plus(step);
            pieces.add(new TimeRange(start, end.isBefore(range.to()) ? end : range.to()));
        }
        return pieces;
    }

    /** When the trace's newest span of the service in the range started: what made Jaeger match it. */
    private static Instant latestStart(String service, TimeRange range, Trace trace) {
        return trace.spans().stream()
                .filter(span -> span.serviceName().equals(service))
                .map(TraceSpan::start)
                .filter(start -> !start.isBefore(range.from()) && !start.isAfter(range.to()))
                .max(Instant::compareTo)
                .orElse(range.from());
    }

    /**
     * What reading one window found.
     *
     * @param traces    distinct traces, by trace id
     * @param searches  how many Jaeger searches it took
     * @param saturated windows that still returned search-depth traces at the smallest width: traces
     *                  may be missing there (raise {@code portal.index.search-depth})
     */
    record WindowRead(List<Trace> traces, int searches, List<TimeRange> saturated) {

        private static final class Builder {
            private final Map<String, Trace> traces = new LinkedHashMap<>();
            private final List<TimeRange> saturated = new ArrayList<>();
            private int searches;

            private void add(List<Trace> found) {
                found.forEach(trace -> traces.putIfAbsent(trace.traceId(), trace));
            }

            private WindowRead build() {
                return new WindowRead(List.copyOf(traces.values()), searches, List.copyOf(saturated));
            }
        }
    }
}
