package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.SpanRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-assembles orders from all of their stored spans, so stages that arrived in another window or another
 * trace (the MES's linked trace) join the journey, and saves the result.
 *
 * <p>An order without a journey row has no stored spans but those of the current window: spans and
 * journeys are saved in one transaction, and only the lock holder writes. Such orders, the common case,
 * are assembled from the spans at hand; only orders seen before are read back from the database.
 */
final class JourneyRefresher {

    /** Orders re-assembled per database round; bounds memory and statement size. */
    private static final int CHUNK = 1000;

    private final SpanStore spans;
    private final JourneyStore journeys;
    private final JourneyAssembler assembler;
    private final Clock clock;

    JourneyRefresher(SpanStore spans, JourneyStore journeys, JourneyAssembler assembler, Clock clock) {
        this.spans = spans;
        this.journeys = journeys;
        this.assembler = assembler;
        this.clock = clock;
    }

    /**
     * @param orderIds the orders that got new spans
     * @param atHand   the spans just stored (and maybe others of the window)
     * @return how many journeys were saved
     */
    int refresh(Set<String> orderIds, List<SpanRecord> atHand) {
        Map<String, List<SpanRecord>> atHandByOrder = atHand.stream()
                .collect(Collectors.groupingBy(span -> span.orderId().orElseThrow()));
        List<String> ids = new ArrayList<>(orderIds);
        int saved = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            Map<String, Instant> indexed = journeys.firstSeenOf(chunk);
            List<SpanRecord> orderSpans = new ArrayList<>(spans.spansOf(indexed.keySet()));
            chunk.stream().filter(id -> !indexed.containsKey(id))
                    .forEach(id -> orderSpans.addAll(atHandByOrder.getOrDefault(id, List.of())));
            List<OrderJourney> assembled = assembler.assemble(orderSpans);
            journeys.save(assembled, indexed, clock.instant());
            saved += assembled.size();
        }
        return saved;
    }
}
