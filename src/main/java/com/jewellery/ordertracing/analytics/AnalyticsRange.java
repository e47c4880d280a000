package com.jewellery.ordertracing.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time range an analyst asked for: a preset ending now, or a custom one, checked.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record AnalyticsRange(Instant from, Instant to) {

    public static final Duration SHORTEST = Duration.ofMinutes(5);

    /** The presets of the view. */
    public enum Preset {
        HOUR("1h", Duration.ofHours(1)),
        DAY("24h", Duration.ofHours(24)),
        WEEK("7d", Duration.ofDays(7)),
        MONTH("30d", Duration.ofDays(30));

        private final String key;
        private final Duration length;

        Preset(String key, Duration length) {
            this.key = key;
            this.length = length;
        }

        public String key() {
            return key;
        }

        public Duration length() {
            return length;
        }

        public static Optional<Preset> of(String key) {
            for (Preset preset : values()) {
                if (preset.key.equals(key)) {
                    return Optional.of(preset);
                }
            }
            return Optional.empty();
        }
    }

    /** Why a custom range is refused; each has a translation {@code analytics.range.error.<NAME>}. */
    public enum Problem {
        MISSING,
        NOT_BEFORE,
        TOO_SHORT,
        TOO_LONG,
        IN_FUTURE
    }

    public static AnalyticsRange last(Preset preset, Instant now) {
        return new AnalyticsRange(now.minus(preset.length), now);
    }

    /**
     * @param longest how far back data is kept (retention)
     * @return the problem with the range, if any
     */
    public static Optional<Problem> check(Instant from, Instant to, Instant now, Duration longest) {
        if (from == null || to == null) {
            return Optional.of(Problem.MISSING);
        }
        if (!to.isAfter(from)) {
            return Optional.of(Problem.NOT_BEFORE);
        }
        if (from.isAfter(now)) {
            return Optional.of(Problem.IN_FUTURE);
        }
        Duration length = Duration.between(from, to);
        if (length.compareTo(SHORTEST) < 0) {
            return Optional.of(Problem.TOO_SHORT);
        }
        return length.compareTo(longest) > 0 ? Optional.of(Problem.TOO_LONG) : Optional.empty();
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The period of the same length just before this one. */
    public AnalyticsRange previous() {
        return new AnalyticsRange(from.minus(length()), from);
    }
}
