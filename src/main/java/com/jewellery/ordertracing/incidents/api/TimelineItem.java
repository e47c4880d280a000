package com.jewellery.ordertracing.incidents.api;

import java.time.Instant;
import java.util.List;

/**
 * One timeline entry as the views show it.
 *
 * @param from       the value before a change (status, severity, assignee, merged incident key), else null
 * @param to         the value after it, else null
 * @param body       a comment or note, plain text
 * @param orderCount for attached and detached orders: how many
 * @param sampleIds  a few of those orders
 */
public record TimelineItem(
        Long id,
        Instant at,
        String actor,
        TimelineKind kind,
        String from,
        String to,
        String body,
        Integer orderCount,
        List<String> sampleIds) {}
