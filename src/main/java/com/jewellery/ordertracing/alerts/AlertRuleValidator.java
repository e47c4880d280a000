package com.jewellery.ordertracing.alerts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a rule form before anything is written. Problems are keyed by field name, each a translation
 * key that says what to type instead.
 */
public final class AlertRuleValidator {

    static final int NAME_MAX = 100;
    static final int WINDOW_MAX_MINUTES = 7 * 24 * 60;
    private static final BigDecimal COUNT_MAX = new BigDecimal("1000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private AlertRuleValidator() {}

    public static Map<String, String> problems(AlertRuleInput input, List<String> stages) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (input.name() == null || input.name().isEmpty()) {
            problems.put("name", "alerts.rule.error.nameRequired");
        } else if (input.name().length() > NAME_MAX) {
            problems.put("name", "alerts.rule.error.nameTooLong");
        }
        if (input.kind() == null) {
            problems.put("kind", "alerts.rule.error.kindRequired");
        }
        if (input.stage() != null && !stages.contains(input.stage())) {
            problems.put("stage", "alerts.rule.error.stageUnknown");
        }
        if (input.windowMinutes() == null || input.windowMinutes() < 1 || input.windowMinutes() > WINDOW_MAX_MINUTES) {
            problems.put("windowMinutes", "alerts.rule.error.window");
        }
        thresholdProblem(input).ifPresent(key -> problems.put("threshold", key));
        return problems;
    }

    private static Optional<String> thresholdProblem(AlertRuleInput input) {
        BigDecimal threshold = input.threshold();
        if (input.kind() == AlertRuleKind.STUCK_COUNT
                && (threshold == null
                        || threshold.signum() < 0
                        || threshold.stripTrailingZeros().scale() > 0
                        || threshold.compareTo(COUNT_MAX) > 0)) {
            return Optional.of("alerts.rule.error.count");
        }
        if (input.kind() == AlertRuleKind.ERROR_RATE
                && (threshold == null
                        || threshold.signum() <= 0
                        || threshold.compareTo(HUNDRED) >= 0
                        || threshold.scale() > 2)) {
            return Optional.of("alerts.rule.error.percent");
        }
        return Optional.empty();
    }
}
