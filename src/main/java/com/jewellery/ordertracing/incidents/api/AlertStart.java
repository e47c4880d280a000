package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.alerts.AlertText;
import com.jewellery.ordertracing.incidents.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A new incident's form filled from an alert of the history ("open an incident from this alert").
 *
 * @param summary  the alert's text in English (the history's column), for alerts without {@code text}
 * @param text     the alert's text to translate; null for alerts opened before texts were kept
 * @param stages   the stage the alert is about, when it names a known one
 * @param orderIds the orders the alert is about, when it names them (a single order's critical error)
 */
public record AlertStart(
        long alertId,
        String ruleName,
        String summary,
        AlertText text,
        Severity severity,
        Set<String> stages,
        List<String> orderIds,
        Instant openedAt) {

    public AlertStart {
        stages = Set.copyOf(stages);
        orderIds = List.copyOf(orderIds);
    }
}
