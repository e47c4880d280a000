package com.jewellery.ordertracing.journey;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds order journeys from spans of any number of traces: spans are joined by {@code order.id}, so a
 * journey may span the CRM's trace and the MES's linked trace. Spans without {@code order.id} are
 * ignored; a span seen twice (same trace and span id, e.g. from overlapping reads) counts once.
 * Thread-safe.
 */
public final class JourneyAssembler {

    private final StageCatalog catalog;

    public JourneyAssembler(StageCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public StageCatalog catalog() {
        return catalog;
    }

    /** One journey per order found in the spans, ordered by first seen, then order id. */
    public List<OrderJourney> assemble(Collection<SpanRecord> spans) {
        return spansByOrder(spans).entrySet().stream()
                .map(order -> new OrderJourneyBuilder(catalog, order.getKey(), order.getValue()).build())
                .sorted(Comparator.comparing(OrderJourney::firstSeen).thenComparing(OrderJourney::orderId))
                .toList();
    }

    /** The journey of one order; empty when no span carries that order id. */
    public Optional<OrderJourney> assemble(String orderId, Collection<SpanRecord> spans) {
        return Optional.ofNullable(spansByOrder(spans).get(orderId))
                .map(orderSpans -> new OrderJourneyBuilder(catalog, orderId, orderSpans).build());
    }

    private static Map<String, List<SpanRecord>> spansByOrder(Collection<SpanRecord> spans) {
        Map<SpanRef, SpanRecord> distinct = new LinkedHashMap<>();
        spans.forEach(span -> distinct.putIfAbsent(span.ref(), span));
        return distinct.values().stream()
                .filter(span -> span.orderId().isPresent())
                .collect(Collectors.groupingBy(
                        span -> span.orderId().orElseThrow(), LinkedHashMap::new, Collectors.toList()));
    }
}
