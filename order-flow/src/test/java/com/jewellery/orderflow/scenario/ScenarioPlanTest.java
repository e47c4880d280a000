package com.jewellery.orderflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.Simulation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioPlanTest {

    private static final OutcomeMix EVERY_OUTCOME =
            OutcomeMix.parse("ok=1,lost=1,stuck=1,pricing_error=1,slow_pricing=1,poison=1,mes_down=1");
    private static final List<ConsumerStyle> BOTH_STYLES = List.of(ConsumerStyle.values());

    @Test
    void theSameSeedPlansTheSameOutcomesAndStyles() {
        ScenarioPlan first = ScenarioPlan.draw("RUNA", 42, 500, EVERY_OUTCOME, BOTH_STYLES);
        ScenarioPlan second = ScenarioPlan.draw("RUNB", 42, 500, EVERY_OUTCOME, BOTH_STYLES);

        assertThat(simulations(first)).isEqualTo(simulations(second));
        assertThat(simulations(first)).extracting(Simulation::outcome).containsAll(Set.of(Outcome.values()));
        assertThat(simulations(first)).extracting(Simulation::consumerStyle).containsAll(BOTH_STYLES);
    }

    @Test
    void anotherSeedPlansAnotherScenario() {
        ScenarioPlan first = ScenarioPlan.draw("RUN", 42, 200, EVERY_OUTCOME, BOTH_STYLES);
        ScenarioPlan second = ScenarioPlan.draw("RUN", 43, 200, EVERY_OUTCOME, BOTH_STYLES);

        assertThat(simulations(first)).isNotEqualTo(simulations(second));
    }

    @Test
    void orderIdsAreUniqueCarryTheRunIdAndFitTheContract() {
        ScenarioPlan plan = ScenarioPlan.draw("MB3K9Z1A", 1, 1_000, EVERY_OUTCOME, BOTH_STYLES);

        Set<String> ids = plan.orders().stream().map(PlannedOrder::orderId).collect(Collectors.toSet());
        assertThat(ids).hasSize(1_000);
        assertThat(plan.orders().getFirst().orderId()).isEqualTo("ORD-MB3K9Z1A-000001");
        assertThat(ids).allMatch(id -> id.matches("ORD-[A-Za-z0-9-]+") && id.length() <= 64);
    }

    @Test
    void aSingleStyleIsUsedForEveryOrder() {
        ScenarioPlan plan = ScenarioPlan.draw("RUN", 5, 100, EVERY_OUTCOME, List.of(ConsumerStyle.LINK));

        assertThat(plan.orders()).allMatch(order -> order.consumerStyle() == ConsumerStyle.LINK);
    }

    @Test
    void theEndlessSequenceStartsWithThePlan() {
        ScenarioPlan plan = ScenarioPlan.draw("RUN", 9, 50, EVERY_OUTCOME, BOTH_STYLES);

        assertThat(ScenarioPlan.orders("RUN", 9, EVERY_OUTCOME, BOTH_STYLES)
                        .limit(50)
                        .toList())
                .isEqualTo(plan.orders());
    }

    @Test
    void runIdsAreLettersAndDigitsOnly() {
        assertThat(ScenarioPlan.newRunId()).matches("[0-9A-Z]{8}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ScenarioPlan.draw("RUN-1", 1, 1, EVERY_OUTCOME, BOTH_STYLES));
    }

    private static List<Simulation> simulations(ScenarioPlan plan) {
        return plan.orders().stream().map(PlannedOrder::simulation).toList();
    }
}
