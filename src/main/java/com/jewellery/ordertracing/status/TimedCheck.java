package com.jewellery.ordertracing.status;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Runs a probe, times it, and turns an exception into a "down" status. */
public final class TimedCheck {

    private TimedCheck() {}

    public static ComponentStatus run(String nameKey, String problemKey, Supplier<Probe> probe) {
        long start = System.nanoTime();
        try {
            Probe result = probe.get();
            return ComponentStatus.up(nameKey, result.detail(), since(start), result.items());
        } catch (RuntimeException e) {
            return ComponentStatus.down(nameKey, problemKey, e.getMessage(), since(start));
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** What a successful probe found. */
    public record Probe(String detail, List<String> items) {}
}
