package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.lost.OrderSnapshot;
import com.jewellery.ordertracing.lost.StageFunnel;
import com.jewellery.ordertracing.lost.StageTally;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the three rule kinds. */
class AlertChecksTest {

    private static final List<String> STAGES = List.of("shop.create", "crm.process", "mes.price", "mes.approve");
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");
    private static final AlertWording ENGLISH = AlertWording.english();

    @Test
    void everyFailedOrderIsItsOwnProblem() {
        List<Firing> firing = AlertChecks.criticalErrors(List.of(
                new OrderSnapshot(
                        "ORD-1", T, "mes.price", T, JourneyOutcome.FAILED, null, "mes.price", "No rate\nstack"),
                new OrderSnapshot("ORD-2", T, "mes.consume", T, JourneyOutcome.FAILED, null, null, null)));

        assertThat(firing).extracting(Firing::key).containsExactly("ORD-1", "ORD-2");
        assertThat(firing.getFirst().text())
                .isEqualTo(new AlertText("alerts.text.failedWith", "mes.price", List.of("ORD-1", "No rate")));
        assertThat(ENGLISH.text(firing.getFirst().text()))
                .isEqualTo("Order ORD-1 failed at MES: price calculation: No rate");
        assertThat(firing.getFirst().orderId()).isEqualTo("ORD-1");
        assertThat(ENGLISH.text(firing.get(1).text())).isEqualTo("Order ORD-2 failed at MES: received");
    }

    @Test
    void stuckCountFiresOnlyAboveTheThreshold() {
        AlertRule rule = rule(AlertRuleKind.STUCK_COUNT, null, "10");

        assertThat(AlertChecks.stuckCount(rule, 10)).isEmpty();
        assertThat(AlertChecks.stuckCount(rule, 11)).hasValueSatisfying(firing -> {
            assertThat(firing.key()).isEqualTo("all");
            assertThat(firing.value()).isEqualTo(11.0);
            assertThat(ENGLISH.text(firing.text()))
                    .isEqualTo("11 orders stuck or lost (more than 10, first seen within 15 min)");
        });
    }

    @Test
    void errorRatesArePerStageAndNeedEnoughOrders() {
        // 24 orders reached crm.process, 4 failed there (16.7 %); 20 reached mes.price, 3 failed there (15 %)
        StageFunnel funnel = new StageFunnel(
                STAGES,
                List.of(
                        new StageTally("mes.approve", null, 17),
                        new StageTally("mes.price", "mes.price", 3),
                        new StageTally("crm.process", "crm.process", 4)));

        // as PostgreSQL’s numeric(12,2) column hands it back: the text says 10 %, not 10.00 %
        List<Firing> firing = AlertChecks.errorRates(rule(AlertRuleKind.ERROR_RATE, null, "10.00"), funnel, STAGES, 10);

        assertThat(firing).extracting(Firing::key).containsExactly("crm.process", "mes.price");
        assertThat(firing.get(1).value()).isEqualTo(15.0);
        assertThat(ENGLISH.text(firing.get(1).text()))
                .isEqualTo(
                        "Error rate at MES: price calculation is 15.0 % (3 of 20 orders, threshold 10 %, last 15 min)");
        assertThat(AlertChecks.errorRates(rule(AlertRuleKind.ERROR_RATE, "mes.price", "15"), funnel, STAGES, 10))
                .isEmpty();
        assertThat(AlertChecks.errorRates(rule(AlertRuleKind.ERROR_RATE, null, "10"), funnel, STAGES, 30))
                .isEmpty();
    }

    private static AlertRule rule(AlertRuleKind kind, String stage, String threshold) {
        return new AlertRule(1, "rule", kind, stage, new BigDecimal(threshold), 15, true, T, "admin");
    }
}
