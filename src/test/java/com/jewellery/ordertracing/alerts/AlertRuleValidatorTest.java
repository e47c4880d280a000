package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleValidatorTest {

    private static final List<String> STAGES = List.of("crm.process", "mes.price");

    @Test
    void aCompleteRuleHasNoProblems() {
        assertThat(AlertRuleValidator.problems(
                        new AlertRuleInput(
                                " Pricing errors ",
                                AlertRuleKind.ERROR_RATE,
                                "mes.price",
                                new BigDecimal("2.5"),
                                15,
                                true),
                        STAGES))
                .isEmpty();
        assertThat(AlertRuleValidator.problems(
                        new AlertRuleInput("Any failure", AlertRuleKind.CRITICAL_ERROR, null, null, 60, true), STAGES))
                .isEmpty();
    }

    @Test
    void everyProblemIsReportedAtItsField() {
        assertThat(AlertRuleValidator.problems(new AlertRuleInput("  ", null, "mes.pricing", null, 0, true), STAGES))
                .containsEntry("name", "alerts.rule.error.nameRequired")
                .containsEntry("kind", "alerts.rule.error.kindRequired")
                .containsEntry("stage", "alerts.rule.error.stageUnknown")
                .containsEntry("windowMinutes", "alerts.rule.error.window");
    }

    @Test
    void thresholdsMustFitTheKind() {
        assertThat(problemsOf(AlertRuleKind.STUCK_COUNT, "2.5")).containsEntry("threshold", "alerts.rule.error.count");
        assertThat(problemsOf(AlertRuleKind.STUCK_COUNT, "-1")).containsEntry("threshold", "alerts.rule.error.count");
        assertThat(problemsOf(AlertRuleKind.STUCK_COUNT, "10.00")).isEmpty();
        assertThat(problemsOf(AlertRuleKind.ERROR_RATE, "0")).containsEntry("threshold", "alerts.rule.error.percent");
        assertThat(problemsOf(AlertRuleKind.ERROR_RATE, "100")).containsEntry("threshold", "alerts.rule.error.percent");
        assertThat(problemsOf(AlertRuleKind.ERROR_RATE, "0.125"))
                .containsEntry("threshold", "alerts.rule.error.percent");
        assertThat(problemsOf(AlertRuleKind.ERROR_RATE, "99.99")).isEmpty();
    }

    private static Map<String, String> problemsOf(AlertRuleKind kind, String threshold) {
        return AlertRuleValidator.problems(
                new AlertRuleInput("rule", kind, null, new BigDecimal(threshold), 10, true), STAGES);
    }
}
