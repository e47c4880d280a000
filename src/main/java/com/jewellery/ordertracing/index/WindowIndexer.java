package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.SpanRecords;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Indexes one window of one service in two steps, so the next window can be read from Jaeger while this
 * one is stored: {@link #read} asks Jaeger, {@link #store} keeps the order spans that are new and
 * re-assembles the orders they belong to, in one transaction. Storing the same window again stores
 * nothing and changes no journey.
 */
final class WindowIndexer {

    private final WindowReader reader;
    private final SpanStore spans;
    private final JourneyRefresher refresher;
    private final TransactionOperations transactions;
    private final JdbcTemplate jdbc;

    WindowIndexer(WindowReader reader, SpanStore spans, JourneyRefresher refresher,
            TransactionOperations transactions, JdbcTemplate jdbc) {
        this.reader = reader;
        this.spans = spans;
        this.refresher = refresher;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Jaeger only; safe to run on another thread than {@link #store}. */
    WindowReader.WindowRead read(String service, TimeRange window) {
        return reader.read(service, window);
    }

    /**
     * @param then runs in the same transaction once the window is stored, e.g. to move a cursor
     */
    IndexStats store(WindowReader.WindowRead read, SeenTraces seen, Runnable then) {
        List<Trace> unseen = seen.unseen(read.traces());
        List<SpanRecord> orderSpans = unseen.stream()
                .flatMap(trace -> SpanRecords.fromOtlp(trace.resourceSpans()).stream())
                .filter(span -> span.orderId().isPresent())
                .toList();
        return transactions.execute(status -> {
            // A crash may lose the last commits, but it loses the cursor move with them: the window is
            // simply read again. So the indexer need not wait for each commit to reach the disk.
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            SpanStore.Added added = spans.addNew(orderSpans);
            int journeys = refresher.refresh(added.orders());
            then.run();
            return new IndexStats(read.traces().size(), unseen.size(), added.spans(), journeys, read.searches(),
                    read.saturated());
        });
    }
}
