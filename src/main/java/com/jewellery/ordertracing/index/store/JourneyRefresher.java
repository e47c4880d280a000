package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.SpanRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges new order spans into the orders' journeys and saves those that changed. A journey row keeps
 * every span of its order, so stages that arrive in another window or another trace (the MES's linked
 * trace) join the journey by re-assembling the stored spans with the new ones; there is no table of spans
 * beside it to write and keep in step.
 *
 * <p>Spans the row holds already (overlapping windows, a backfill, another service's search) are not new:
 * an order with nothing new is not touched, so reading a window again changes nothing.
 */
public final class JourneyRefresher {

    /** Orders merged per database round; bounds memory and statement size. */
    private static final int CHUNK = 1000;

    private final JourneyStore journeys;
    private final JourneyAssembler assembler;
    private final Clock clock;

    JourneyRefresher(JourneyStore journeys, JourneyAssembler assembler, Clock clock) {
        this.journeys = journeys;
        this.assembler = assembler;
        this.clock = clock;
    }

    /** Over the {@code order_journey} table of this database, with nothing else kept in step. */
    public static JourneyRefresher of(JdbcTemplate jdbc, JourneyAssembler assembler, Clock clock) {
        return of(jdbc, assembler, JourneyMeasurements.NONE, clock);
    }

    /** The same, with {@code measurements} told of every journey written, in the same transaction. */
    public static JourneyRefresher of(
            JdbcTemplate jdbc, JourneyAssembler assembler, JourneyMeasurements measurements, Clock clock) {
        return new JourneyRefresher(new JourneyStore(jdbc, new JourneyJson(), measurements), assembler, clock);
    }

    /**
     * @param orderSpans spans that carry an order id, e.g. those of one piece of a window
     * @return how many spans were new to their journeys and how many journeys were saved
     */
    public Refreshed refresh(List<SpanRecord> orderSpans) {
        Map<String, List<SpanRecord>> byOrder = orderSpans.stream()
                .collect(Collectors.groupingBy(
                        span -> span.orderId().orElseThrow(), LinkedHashMap::new, Collectors.toList()));
        List<String> ids = new ArrayList<>(byOrder.keySet());
        Refreshed total = new Refreshed(0, 0);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            total = total.plus(refreshChunk(chunk, byOrder));
        }
        return total;
    }

    private Refreshed refreshChunk(List<String> orderIds, Map<String, List<SpanRecord>> byOrder) {
        Map<String, JourneyStore.Stored> stored = journeys.storedOf(orderIds);
        List<SpanRecord> toAssemble = new ArrayList<>();
        int newSpans = 0;
        for (String orderId : orderIds) {
            JourneyStore.Stored before = stored.get(orderId);
            List<SpanRecord> fresh = notIn(before, byOrder.get(orderId));
            if (!fresh.isEmpty()) {
                newSpans += fresh.size();
                toAssemble.addAll(fresh);
                if (before != null) {
                    toAssemble.addAll(before.spans());
                }
            }
        }
        List<OrderJourney> assembled = assembler.assemble(toAssemble);
        journeys.save(assembled, stored, clock.instant());
        return new Refreshed(newSpans, assembled.size());
    }

    /** The spans, once each, that the stored journey does not hold yet. */
    private static List<SpanRecord> notIn(JourneyStore.Stored stored, List<SpanRecord> spans) {
        Set<SpanRef> known = stored == null
                ? Set.of()
                : stored.spans().stream().map(SpanRecord::ref).collect(Collectors.toSet());
        Map<SpanRef, SpanRecord> fresh = new LinkedHashMap<>();
        spans.stream().filter(span -> !known.contains(span.ref())).forEach(span -> fresh.putIfAbsent(span.ref(), span));
        return List.copyOf(fresh.values());
    }

    /** @param spans spans new to their journeys; @param journeys journeys saved */
    public record Refreshed(int spans, int journeys) {
        Refreshed plus(Refreshed other) {
            return new Refreshed(spans + other.spans, journeys + other.journeys);
        }
    }
}
