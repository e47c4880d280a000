package com.jewellery.ordertracing.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {

    private static final ReviewSchedule MONDAY_SIX =
            new ReviewSchedule(ZoneId.of("Europe/Moscow"), DayOfWeek.MONDAY, LocalTime.of(6, 0));

    @Test
    void theWeekJustEndedIsDueOnMondayAtSixMoscowTime() {
        IsoWeek w48 = IsoWeek.parse("2026-W48").orElseThrow();
        assertThat(MONDAY_SIX.dueAt(w48)).isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
        assertThat(MONDAY_SIX.latestDue(Instant.parse("2026-11-30T02:59:59Z"))).hasToString("2026-W47");
        assertThat(MONDAY_SIX.latestDue(Instant.parse("2026-11-30T03:00:00Z"))).hasToString("2026-W48");
        assertThat(MONDAY_SIX.latestDue(Instant.parse("2026-12-06T20:59:00Z"))).hasToString("2026-W48");
    }

    @Test
    void anotherDayAndZone() {
        ReviewSchedule wednesday = new ReviewSchedule(ZoneId.of("UTC"), DayOfWeek.WEDNESDAY, LocalTime.of(9, 30));
        IsoWeek w48 = IsoWeek.parse("2026-W48").orElseThrow();
        assertThat(wednesday.dueAt(w48)).isEqualTo(Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(wednesday.latestDue(Instant.parse("2026-12-01T12:00:00Z"))).hasToString("2026-W47");
    }
}
