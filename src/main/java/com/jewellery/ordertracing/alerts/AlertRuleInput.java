package com.jewellery.ordertracing.alerts;

import java.math.BigDecimal;

/**
 * What an administrator typed into the rule form; validated by {@link AlertRuleValidator}.
 *
 * @param name          rule name
 * @param kind          what it watches
 * @param stage         stage id or null for every stage
 * @param threshold     count or percentage
 * @param windowMinutes how far back it looks
 * @param enabled       evaluated at all
 */
public record AlertRuleInput(
        String name, AlertRuleKind kind, String stage, BigDecimal threshold, Integer windowMinutes, boolean enabled) {

    public AlertRuleInput {
        name = name == null ? null : name.strip();
        stage = stage == null || stage.isBlank() ? null : stage.strip();
    }

    public static AlertRuleInput of(AlertRule rule) {
        return new AlertRuleInput(
                rule.name(), rule.kind(), rule.stage(), rule.threshold(), rule.windowMinutes(), rule.enabled());
    }
}
