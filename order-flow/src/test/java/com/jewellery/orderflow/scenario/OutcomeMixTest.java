package com.jewellery.orderflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.jewellery.orderflow.instrumentation.Outcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutcomeMixTest {

    @Test
    void readsWeightsAndLeavesUnnamedOutcomesAtZero() {
        OutcomeMix mix = OutcomeMix.parse("ok=90, lost=2,pricing-error=3,SLOW_PRICING=1");

        assertThat(mix.weight(Outcome.OK)).isEqualTo(90);
        assertThat(mix.weight(Outcome.LOST)).isEqualTo(2);
        assertThat(mix.weight(Outcome.PRICING_ERROR)).isEqualTo(3);
        assertThat(mix.weight(Outcome.SLOW_PRICING)).isEqualTo(1);
        assertThat(mix.weight(Outcome.POISON)).isZero();
    }

    @Test
    void printsInTheFormItParses() {
        OutcomeMix mix = OutcomeMix.parse("poison=4,ok=6");

        assertThat(mix).hasToString("ok=6,poison=4");
        assertThat(OutcomeMix.parse(OutcomeMix.GENERATE_DEFAULT.toString()).toString())
                .isEqualTo(OutcomeMix.GENERATE_DEFAULT.toString());
    }

    @Test
    void rejectsWhatIsNotAMix() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeMix.parse("ok=90,gone=2"))
                .withMessageContaining("unknown outcome 'gone'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeMix.parse("ok"))
                .withMessageContaining("not outcome=weight");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeMix.parse("ok=-1,lost=2"))
                .withMessageContaining("negative");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeMix.parse("ok=ninety"))
                .withMessageContaining("not a whole number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeMix.parse("ok=1,OK=2"))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutcomeMix.parse("ok=0,lost=0"))
                .withMessageContaining("weight 0");
    }

    @Test
    void drawsOutcomesInProportionToTheirWeights() {
        OutcomeMix mix = OutcomeMix.parse("ok=75,lost=25,stuck=0");
        Random random = new Random(7);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

        for (int i = 0; i < 20_000; i++) {
            counts.merge(mix.draw(random), 1, Integer::sum);
        }

        assertThat(counts).containsOnlyKeys(Outcome.OK, Outcome.LOST);
        assertThat(counts.get(Outcome.LOST)).isBetween(4_700, 5_300);
    }
}
