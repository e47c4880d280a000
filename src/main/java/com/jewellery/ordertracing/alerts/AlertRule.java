package com.jewellery.ordertracing.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored alert rule.
 *
 * @param id            database id
 * @param name          unique, shown in notifications
 * @param kind          what it watches
 * @param stage         the stage it is about; null for every stage
 * @param threshold     an order count (STUCK_COUNT) or a percentage (ERROR_RATE); unused for CRITICAL_ERROR
 * @param windowMinutes how far back it looks
 * @param enabled       evaluated at all
 * @param updatedAt     last change
 * @param updatedBy     who changed it last
 */
public record AlertRule(
        long id,
        String name,
        AlertRuleKind kind,
        String stage,
        BigDecimal threshold,
        int windowMinutes,
        boolean enabled,
        Instant updatedAt,
        String updatedBy) {

    public Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }
}
