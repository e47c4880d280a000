package com.jewellery.ordertracing.jaeger;

import java.time.Instant;
import java.util.Objects;

/** A span start-time window: {@code from} inclusive, {@code to} exclusive. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("time range must start before it ends: " + from + " .. " + to);
        }
    }
}
