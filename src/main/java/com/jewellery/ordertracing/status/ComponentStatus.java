package com.jewellery.ordertracing.status;

import java.time.Duration;
import java.util.List;

/**
 * How one component answered.
 *
 * @param nameKey    translation key of the component's name
 * @param up         whether it answered correctly
 * @param problemKey translation key of what is wrong and what to do, null when up
 * @param facts      what the check found out, for people, translated where shown
 * @param detail     the technical detail (address, error text) for whoever fixes it
 * @param latency    how long the check took
 * @param items      what the component reported, e.g. the services Jaeger knows
 */
public record ComponentStatus(
        String nameKey,
        boolean up,
        String problemKey,
        List<StatusFact> facts,
        String detail,
        Duration latency,
        List<String> items) {

    public ComponentStatus {
        facts = List.copyOf(facts);
        items = List.copyOf(items);
    }

    public static ComponentStatus up(String nameKey, String detail, Duration latency, List<String> items) {
        return new ComponentStatus(nameKey, true, null, List.of(), detail, latency, items);
    }

    public static ComponentStatus down(String nameKey, String problemKey, String detail, Duration latency) {
        return new ComponentStatus(nameKey, false, problemKey, List.of(), detail, latency, List.of());
    }
}
