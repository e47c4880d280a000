package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every trace of a window although Jaeger returns at most search-depth traces per search: a search
 * that comes back full may have left traces out, so its window is split in halves and each half is read
 * again, down to a millisecond.
 */
final class WindowReader {

    /** Below this a window is not split further; a full answer then is reported, not silently cut. */
    static final Duration MIN_WIDTH = Duration.ofMillis(1);

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
        Duration width = Duration.between(range.from(), range.to());
        if (traces.size() < searchDepth) {
            result.add(traces);
        } else if (width.dividedBy(2).compareTo(MIN_WIDTH) < 0) {
            result.add(traces);
            result.saturated.add(range);
        } else {
            Instant middle = range.from().plus(width.dividedBy(2));
            read(service, new TimeRange(range.from(), middle), result);
            read(service, new TimeRange(middle, range.to()), result);
        }
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
