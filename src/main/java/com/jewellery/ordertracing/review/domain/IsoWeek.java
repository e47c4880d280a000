package com.jewellery.ordertracing.review.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week ({@code 2026-W48}): Monday 00:00 to the next Monday 00:00 in the review's time zone. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        if (week < 1
                || week
                        > LocalDate.of(year, 6, 1)
                                .range(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                                .getMaximum()) {
            throw new IllegalArgumentException("no week " + week + " in " + year);
        }
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static IsoWeek containing(Instant time, ZoneId zone) {
        return of(time.atZone(zone).toLocalDate());
    }

    /** Parses {@code 2026-W48}; empty for anything else. */
    public static Optional<IsoWeek> parse(String text) {
        Matcher matcher = text == null ? null : TEXT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IsoWeek(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    /** Exclusive. */
    public Instant end(ZoneId zone) {
        return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    public IsoWeek minus(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday().compareTo(other.monday());
    }

    @Override
    public String toString() {
        return "%04d-W%02d".formatted(year, week);
    }
}
