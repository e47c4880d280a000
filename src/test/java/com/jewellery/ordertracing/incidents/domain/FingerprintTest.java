package com.jewellery.ordertracing.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.RecordedSpans;
import com.jewellery.ordertracing.journey.StageCatalog;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fingerprints on span shapes recorded from the real flow: the same fault in different orders is one fingerprint. */
class FingerprintTest {

    private final StageCatalog catalog = StageCatalog.defaults();
    private final JourneyAssembler assembler = new JourneyAssembler(catalog);

    private Fingerprint of(Outcome outcome, ConsumerStyle style) {
        OrderJourney journey =
                assembler.assemble(RecordedSpans.read(outcome, style)).getFirst();
        return JourneyFingerprints.of(journey).orElseThrow();
    }

    @Test
    void pricingErrorsOfDifferentOrdersAndMetalsShareOneFingerprint() {
        Fingerprint continued = of(Outcome.PRICING_ERROR, ConsumerStyle.CONTINUE);
        Fingerprint linked = of(Outcome.PRICING_ERROR, ConsumerStyle.LINK);

        assertThat(continued.key()).isEqualTo(linked.key()).startsWith("v1:");
        assertThat(continued.stage()).isEqualTo("mes.price");
        assertThat(continued.service()).isEqualTo("mes");
        assertThat(continued.errorType()).endsWith("PricingException");
        assertThat(continued.template()).isEqualTo("no price quote for metal <*> (order <order>)");
        assertThat(continued.summary())
                .isEqualTo("mes.price · Pricing.PricingException: no price quote for metal <*> (order <order>)"
                        .replace("Pricing.PricingException", simple(continued.errorType())));
    }

    @Test
    void poisonMessagesShareOneFingerprintOfTheirOwn() {
        Fingerprint continued = of(Outcome.POISON, ConsumerStyle.CONTINUE);
        Fingerprint linked = of(Outcome.POISON, ConsumerStyle.LINK);

        assertThat(continued.key()).isEqualTo(linked.key());
        assertThat(continued.key())
                .isNotEqualTo(of(Outcome.PRICING_ERROR, ConsumerStyle.CONTINUE).key());
    }

    @Test
    void everyFailedRecordingFallsIntoExactlyTheFingerprintsOfItsFault() {
        Set<String> keys = Stream.of(ConsumerStyle.values())
                .flatMap(style -> Stream.of(of(Outcome.PRICING_ERROR, style), of(Outcome.POISON, style)))
                .map(Fingerprint::key)
                .collect(Collectors.toSet());

        assertThat(keys).hasSize(2);
    }

    @Test
    void normalisingRemovesWhatDiffersFromOrderToOrder() {
        assertThat(Fingerprint.normalise("order ORD-2026-000123 failed at 2026-12-01T10:14:03.123Z after 3 tries"))
                .isEqualTo("order <order> failed at <time> after <*> tries");
        assertThat(
                        Fingerprint.normalise(
                                "message 0b6e8c1e-3f0a-4a8e-9b51-2b3c4d5e6f70 rejected, trace 4bf92f3577b34da6a3ce929d0e0e4736"))
                .isEqualTo("message <uuid> rejected, trace <hex>");
        assertThat(Fingerprint.normalise("  first line\n  at com.example.Stack(Frame.java:12)"))
                .isEqualTo("first line");
    }

    @Test
    void differentFaultsAtTheSameStageAreDifferentFingerprints() {
        Fingerprint quote = Fingerprint.of("mes.price", "mes", "PricingException", "no price quote for metal GOLD_750");
        Fingerprint timeout = Fingerprint.of("mes.price", "mes", "PricingException", "price feed timed out");
        Fingerprint otherType =
                Fingerprint.of("mes.price", "mes", "IllegalStateException", "no price quote for metal GOLD_750");
        Fingerprint otherStage =
                Fingerprint.of("mes.approve", "mes", "PricingException", "no price quote for metal GOLD_750");

        assertThat(Set.of(quote.key(), timeout.key(), otherType.key(), otherStage.key()))
                .hasSize(4);
        assertThat(quote.key())
                .isEqualTo(Fingerprint.of("mes.price", "mes", "PricingException", "no price quote for metal SILVER_925")
                        .key());
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
