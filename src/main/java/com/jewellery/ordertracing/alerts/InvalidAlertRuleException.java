package com.jewellery.ordertracing.alerts;

import java.util.Map;

/** A rule form that cannot be saved; nothing was written. */
public class InvalidAlertRuleException extends RuntimeException {

    private final transient Map<String, String> problems;

    public InvalidAlertRuleException(Map<String, String> problems) {
        super("Invalid alert rule: " + problems);
        this.problems = Map.copyOf(problems);
    }

    /** Per field name, the translation key of what is wrong. */
    public Map<String, String> problems() {
        return problems;
    }
}
