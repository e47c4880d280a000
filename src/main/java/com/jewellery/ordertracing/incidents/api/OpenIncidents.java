package com.jewellery.ordertracing.incidents.api;

import java.util.List;

/**
 * The open incidents (triage, investigating, mitigated) as a support agent's home shows them.
 *
 * @param mine   assigned to the caller, newest first
 * @param others every other open one, newest first
 */
public record OpenIncidents(List<IncidentSummary> mine, List<IncidentSummary> others) {

    public OpenIncidents {
        mine = List.copyOf(mine);
        others = List.copyOf(others);
    }

    public boolean isEmpty() {
        return mine.isEmpty() && others.isEmpty();
    }
}
