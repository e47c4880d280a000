package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.jaeger.TraceSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads a window in consecutive pieces, each holding fewer traces than Jaeger's search depth, so no trace
 * is silently cut off and memory stays bounded however long the backlog. A full answer makes the reader
 * narrow the piece and search again: Jaeger answers newest first, so the full answer shows how much
 * time search-depth traces cover, and the next piece is cut to about half of that. Sparse pieces let the
 * width grow back, up to the configured window. The width is remembered per service between runs.
 */
final class WindowReader {

    /** A full answer at this width is reported, not narrowed further. */
    static final Duration MIN_WIDTH = Duration.ofMillis(1);

    private final TraceSource source;
    private final int searchDepth;
    private final Duration maxWidth;
    private final Map<String, Duration> widths = new ConcurrentHashMap<>();

    WindowReader(TraceSource source, int searchDepth, Duration maxWidth) {
        this.source = source;
        this.searchDepth = searchDepth;
        this.maxWidth = maxWidth;
    }

    /** Reads the service's traces with a span that started in the range, oldest piece first. */
    void read(String service, TimeRange range, Consumer<Piece> sink) {
        Instant from = range.from();
        int searches = 0;
        while (from.isBefore(range.to())) {
            Duration width = widths.getOrDefault(service, maxWidth);
            Instant to = from.plus(width).isBefore(range.to()) ? from.plus(width) : range.to();
            TimeRange piece = new TimeRange(from, to);
            List<Trace> traces = source.find(service, piece, searchDepth);
            searches++;
            boolean full = traces.size() >= searchDepth;
            if (full && canNarrow(piece)) {
                widths.put(service, narrower(service, piece, traces));
                continue;
            }
            sink.accept(new Piece(service, piece, traces, searches, full));
            searches = 0;
            from = to;
            if (traces.size() < searchDepth / 4) {
                widths.put(service, width.multipliedBy(2).compareTo(maxWidth) > 0 ? maxWidth : width.multipliedBy(2));
            }
        }
    }

    private static boolean canNarrow(TimeRange piece) {
        return Duration.between(piece.from(), piece.to()).dividedBy(2).compareTo(MIN_WIDTH) >= 0;
    }

    /** About half the time the full answer covered, and at most half the piece. */
    static Duration narrower(String service, TimeRange piece, List<Trace> fullAnswer) {
        Instant oldestMatch = fullAnswer.stream().map(trace -> latestStart(service, piece, trace))
                .min(Instant::compareTo).orElse(piece.from());
        Duration half = Duration.between(piece.from(), piece.to()).dividedBy(2);
        Duration estimate = Duration.between(oldestMatch, piece.to()).dividedBy(2);
        return estimate.compareTo(half) > 0 ? half : estimate.compareTo(MIN_WIDTH) < 0 ? MIN_WIDTH : estimate;
    }

    /** When the trace's newest span of the service in the range started: what made Jaeger match it. */
    private static Instant latestStart(String service, TimeRange range, Trace trace) {
        return trace.spans().stream()
                .filter(span -> service.equals(TraceSource.ANY_SERVICE) || span.serviceName().equals(service))
                .map(TraceSpan::start)
                .filter(start -> !start.isBefore(range.from()) && !start.isAfter(range.to()))
                .max(Instant::compareTo)
                .orElse(range.from());
    }
}
