package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.SpanRecords;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Indexes one window of one service: reads its traces from Jaeger, stores the order spans that are new,
 * and re-assembles the orders they belong to, all in one transaction. Reading the same window again
 * stores nothing and changes no journey.
 */
final class WindowIndexer {

    private final WindowReader reader;
    private final SpanStore spans;
    private final JourneyRefresher refresher;
    private final TransactionOperations transactions;

    WindowIndexer(WindowReader reader, SpanStore spans, JourneyRefresher refresher,
            TransactionOperations transactions) {
        this.reader = reader;
        this.spans = spans;
        this.refresher = refresher;
        this.transactions = transactions;
    }

    /**
     * @param then runs in the same transaction once the window is stored, e.g. to move a cursor
     */
    IndexStats index(String service, TimeRange window, SeenTraces seen, Runnable then) {
        WindowReader.WindowRead read = reader.read(service, window);
        List<Trace> unseen = seen.unseen(read.traces());
        List<SpanRecord> orderSpans = unseen.stream()
                .flatMap(trace -> SpanRecords.fromOtlp(trace.resourceSpans()).stream())
                .filter(span -> span.orderId().isPresent())
                .toList();
        return transactions.execute(status -> {
            SpanStore.Added added = spans.addNew(orderSpans);
            int journeys = refresher.refresh(added.orders());
            then.run();
            return new IndexStats(read.traces().size(), unseen.size(), added.spans(), journeys, read.searches(),
                    read.saturated());
        });
    }
}
