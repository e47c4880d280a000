package com.jewellery.ordertracing.review.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a week's review is due: on the configured day and time of the week after it, in the review's zone
 * (default Monday 06:00 Europe/Moscow: the week just ended, once the indexer has caught up overnight).
 */
public record ReviewSchedule(ZoneId zone, DayOfWeek day, LocalTime time) {

    public Instant dueAt(IsoWeek week) {
        return week.monday()
                .plusWeeks(1)
                .plusDays(day.getValue() - 1L)
                .atTime(time)
                .atZone(zone)
                .toInstant();
    }

    /** The latest week whose review is due at {@code now}. */
    public IsoWeek latestDue(Instant now) {
        IsoWeek previous =
                IsoWeek.of(ZonedDateTime.ofInstant(now, zone).toLocalDate()).minus(1);
        return now.isBefore(dueAt(previous)) ? previous.minus(1) : previous;
    }
}
