package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;

/**
 * What the incident list is narrowed to; null fields do not filter.
 *
 * @param text    words in the title or description, or an incident key
 * @param orderId only incidents this order is in
 */
public record IncidentFilter(
        IncidentStatus status, Severity severity, String assignee, String stage, String text, String orderId) {

    public static final IncidentFilter NONE = new IncidentFilter(null, null, null, null, null, null);

    public IncidentFilter {
        assignee = blankToNull(assignee);
        stage = blankToNull(stage);
        text = blankToNull(text);
        orderId = blankToNull(orderId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
