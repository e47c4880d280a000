package com.jewellery.ordertracing.index.read;

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
 * is silently cut off and memory stays bounded however long the backlog. Each search costs Jaeger about
 * the same however many traces it returns (its memory storage scans every trace it holds), so pieces
 * are cut to hold about {@link #TARGET_FILL} of the depth at the density just seen: fuller pieces mean
 * fewer searches, and fewer traces read twice because they straddle two pieces; the margin keeps full
 * answers rare. A full answer makes the reader narrow the piece and search again: Jaeger answers newest
 * first, so the full answer shows how much time search-depth traces cover. The width grows at most
 * twofold per piece, up to the configured window, and is remembered per service between runs.
 */
final class WindowReader {

    /** A full answer at this width is reported, not narrowed further. */
    static final Duration MIN_WIDTH = Duration.ofMillis(1);
    /** The share of the search depth a piece is cut to hold. */
    static final double TARGET_FILL = 0.7;

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
            widths.put(service, next(width, piece, traces.size()));
        }
    }

    /** The width that holds about the target share of the depth at the density of the piece just read. */
    private Duration next(Duration width, TimeRange piece, int found) {
        Duration twice = width.multipliedBy(2);
        Duration limit = twice.compareTo(maxWidth) > 0 ? maxWidth : twice;
        if (found == 0) {
            return limit;
        }
        long nanos = Duration.between(piece.from(), piece.to()).toNanos();
        Duration fit = Duration.ofNanos((long) (nanos * TARGET_FILL * searchDepth / found));
        return fit.compareTo(limit) > 0 ? limit : fit.compareTo(MIN_WIDTH) < 0 ? MIN_WIDTH : fit;
    }

    private static boolean canNarrow(TimeRange piece) {
        return Duration.between(piece.from(), piece.to()).dividedBy(2).compareTo(MIN_WIDTH) >= 0;
    }

    /** The target share of the time the full answer covered, and at most half the piece. */
    static Duration narrower(String service, TimeRange piece, List<Trace> fullAnswer) {
        Instant oldestMatch = fullAnswer.stream()
                .map(trace -> latestStart(service, piece, trace))
                .min(Instant::compareTo)
                .orElse(piece.from());
        Duration half = Duration.between(piece.from(), piece.to()).dividedBy(2);
        Duration estimate = Duration.ofNanos(
                (long) (Duration.between(oldestMatch, piece.to()).toNanos() * TARGET_FILL));
        return estimate.compareTo(half) > 0 ? half : estimate.compareTo(MIN_WIDTH) < 0 ? MIN_WIDTH : estimate;
    }

    /** When the trace's newest span of the service in the range started: what made Jaeger match it. */
    private static Instant latestStart(String service, TimeRange range, Trace trace) {
        return trace.spans().stream()
                .filter(span -> service.equals(TraceSource.ANY_SERVICE)
                        || span.serviceName().equals(service))
                .map(TraceSpan::start)
                .filter(start -> !start.isBefore(range.from()) && !start.isAfter(range.to()))
                .max(Instant::compareTo)
                .orElse(range.from());
    }
}
