package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderJourney;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Re-assembles orders from all of their stored spans, so stages that arrived in another window or another
 * trace (the MES's linked trace) join the journey, and saves the result.
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

    /** @return how many journeys were saved */
    int refresh(Set<String> orderIds) {
        List<String> ids = new ArrayList<>(orderIds);
        int saved = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<OrderJourney> assembled = assembler.assemble(spans.spansOf(ids.subList(from,
                    Math.min(from + CHUNK, ids.size()))));
            journeys.save(assembled, clock.instant());
            saved += assembled.size();
        }
        return saved;
    }
}
