package com.jewellery.ordertracing.index.read;

import com.jewellery.ordertracing.index.store.JourneyRefresher;
import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.SpanRecords;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Indexes one window of one service in two steps, so Jaeger can be read ahead while PostgreSQL stores:
 * {@link #read} asks Jaeger piece by piece, {@link #store} merges a piece's order spans into their
 * journeys, in one transaction. Storing the same piece again stores
 * nothing and changes no journey.
 */
public final class WindowIndexer {

    private final WindowReader reader;
    private final JourneyRefresher refresher;
    private final TransactionOperations transactions;
    private final JdbcTemplate jdbc;

    WindowIndexer(
            WindowReader reader, JourneyRefresher refresher, TransactionOperations transactions, JdbcTemplate jdbc) {
        this.reader = reader;
        this.refresher = refresher;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Reads pieces of about {@link WindowReader#TARGET_FILL} of {@code searchDepth} traces, windows at most
     * {@code maxWidth} wide, and stores them with {@code refresher}.
     */
    public static WindowIndexer of(
            TraceSource source,
            int searchDepth,
            Duration maxWidth,
            JourneyRefresher refresher,
            TransactionOperations transactions,
            JdbcTemplate jdbc) {
        return new WindowIndexer(new WindowReader(source, searchDepth, maxWidth), refresher, transactions, jdbc);
    }

    /** Jaeger only; safe to run on another thread than {@link #store}. */
    public void read(String service, TimeRange window, Consumer<Piece> sink) {
        reader.read(service, window, sink);
    }

    /**
     * @param then runs in the same transaction once the window is stored, e.g. to move a cursor
     */
    public IndexStats store(Piece piece, SeenTraces seen, Runnable then) {
        List<Trace> unseen = seen.unseen(piece.traces());
        List<SpanRecord> orderSpans = unseen.stream()
                .flatMap(trace -> SpanRecords.fromOtlp(trace.resourceSpans()).stream())
                .filter(span -> span.orderId().isPresent())
                .toList();
        IndexStats stats = transactions.execute(status -> {
            // A crash may lose the last commits, but it loses the cursor move with them: the window is
            // simply read again. So the indexer need not wait for each commit to reach the disk.
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            JourneyRefresher.Refreshed refreshed = refresher.refresh(orderSpans);
            then.run();
            return new IndexStats(
                    piece.traces().size(),
                    unseen.size(),
                    refreshed.spans(),
                    refreshed.journeys(),
                    piece.searches(),
                    piece.saturated() ? List.of(piece.range()) : List.of());
        });
        // every trace of the piece, also those filtered out: being read again keeps them remembered
        seen.remember(piece.traces());
        return stats;
    }
}
