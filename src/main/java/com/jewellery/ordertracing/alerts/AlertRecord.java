package com.jewellery.ordertracing.alerts;

import java.time.Instant;

/**
 * One alert of the history.
 *
 * @param id         database id
 * @param ruleName   the rule's name when it opened
 * @param kind       the rule's kind
 * @param problemKey order id, stage or "all"
 * @param summary    what was wrong, in English
 * @param text       what was wrong, to be translated; null for alerts opened before texts were kept so
 * @param value      measured number, null for single orders
 * @param openedAt   when it was first seen
 * @param resolvedAt when it cleared; null while open
 * @param resolution why it closed
 */
public record AlertRecord(
        long id,
        String ruleName,
        AlertRuleKind kind,
        String problemKey,
        String summary,
        AlertText text,
        Double value,
        Instant openedAt,
        Instant resolvedAt,
        String resolution) {

    public boolean open() {
        return resolvedAt == null;
    }
}
