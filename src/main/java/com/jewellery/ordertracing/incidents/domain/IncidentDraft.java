package com.jewellery.ordertracing.incidents.domain;

import java.util.List;
import java.util.Set;

/**
 * What people type into an incident's form; checked by {@link IncidentChecks} before anything is stored.
 *
 * @param tags   free words, e.g. "pricing", "customer-told"
 * @param stages affected stage ids
 */
public record IncidentDraft(
        String title, String description, Severity severity, String assignee, Set<String> stages, List<String> tags) {

    public IncidentDraft {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
