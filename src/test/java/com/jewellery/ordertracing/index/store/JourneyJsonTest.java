package com.jewellery.ordertracing.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.JourneyFixtures;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.StageCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyJsonTest {

    private final JourneyJson json = new JourneyJson();
    private final JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());
    private final Instant start = Instant.parse("2026-11-03T10:15:30.123456789Z");

    @Test
    void spansComeBackEqualWithNanosEventsAndLinks() {
        List<SpanRecord> spans = new ArrayList<>(JourneyFixtures.poisoned("ORD-2026-000001", start));
        spans.addAll(JourneyFixtures.completedLinked("ORD-2026-000002", start));

        for (SpanRecord span : spans) {
            assertThat(json.span(json.write(span))).isEqualTo(span);
        }
    }

    @Test
    void aJourneyComesBackEqualWithStagesErrorsAndStacktraces() {
        OrderJourney failed = assembler
                .assemble(JourneyFixtures.pricingFailed("ORD-2026-000003", start))
                .getFirst();
        OrderJourney poisoned = assembler
                .assemble(JourneyFixtures.poisoned("ORD-2026-000004", start))
                .getFirst();
        OrderJourney linked = assembler
                .assemble(JourneyFixtures.completedLinked("ORD-2026-000005", start))
                .getFirst();

        assertThat(json.journey(json.write(failed))).isEqualTo(failed);
        assertThat(json.journey(json.write(poisoned))).isEqualTo(poisoned);
        assertThat(json.journey(json.write(linked))).isEqualTo(linked);
        assertThat(json.journey(json.write(failed)).errors().getFirst().stacktrace())
                .contains("MetalPriceTable.priceOf");
    }

    @Test
    void theSpansOfAStoredJourneyReadBackOnTheirOwn() {
        OrderJourney linked = assembler
                .assemble(JourneyFixtures.completedLinked("ORD-2026-000006", start))
                .getFirst();
        String spansField = json.write(linked.spans());

        assertThat(json.spans(spansField)).isEqualTo(linked.spans());
        assertThat(json.spans(null)).isEmpty();
    }
}
