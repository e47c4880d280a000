package com.jewellery.ordertracing.lost;

import java.text.MessageFormat;
import java.time.Duration;

/**
 * Short durations for lists and exports, in the two largest units: {@code 45s}, {@code 3m 05s}, {@code 2h 07m},
 * {@code 4d 03h} in the CSV, and in the words of the user's language on screen ({@link Units}).
 */
public final class Durations {

    private Durations() {}

    /** Language-neutral, for exports that other programs read. */
    public static String compact(Duration duration) {
        return compact(duration, Units.NEUTRAL);
    }

    public static String compact(Duration duration, Units units) {
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return format(units.days(), days, hours);
        }
        if (hours > 0) {
            return format(units.hours(), hours, minutes);
        }
        if (minutes > 0) {
            return format(units.minutes(), minutes, secs);
        }
        return format(units.seconds(), secs, 0);
    }

    private static String format(String pattern, long larger, long smaller) {
        return MessageFormat.format(pattern, Long.toString(larger), String.format("%02d", smaller));
    }

    /**
     * Patterns for each pair of units: {0} the larger, {1} the smaller (two digits), e.g. {@code {0} ч {1} мин};
     * the seconds pattern has {0} only.
     */
    public record Units(String days, String hours, String minutes, String seconds) {
        public static final Units NEUTRAL = new Units("{0}d {1}h", "{0}h {1}m", "{0}m {1}s", "{0}s");
    }
}
