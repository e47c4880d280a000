package com.jewellery.ordertracing.lost;

import java.time.Duration;

/** Short, language-neutral durations for lists and exports: {@code 45s}, {@code 3m 05s}, {@code 2h 07m}, {@code 4d 03h}. */
public final class Durations {

    private Durations() {}

    public static String compact(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return String.format("%dd %02dh", days, hours);
        }
        if (hours > 0) {
            return String.format("%dh %02dm", hours, minutes);
        }
        if (minutes > 0) {
            return String.format("%dm %02ds", minutes, secs);
        }
        return secs + "s";
    }
}
