package com.jewellery.ordertracing.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aWeekRunsFromMondayMidnightInTheZone() {
        IsoWeek week = IsoWeek.parse("2026-W48").orElseThrow();
        assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.start(MOSCOW)).isEqualTo(Instant.parse("2026-11-22T21:00:00Z"));
        assertThat(week.end(MOSCOW)).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
    }

    @Test
    void sundayEveningUtcIsAlreadyTheNextWeekInMoscow() {
        Instant sundayEvening = Instant.parse("2026-11-29T22:00:00Z");
        assertThat(IsoWeek.containing(sundayEvening, MOSCOW)).hasToString("2026-W49");
        assertThat(IsoWeek.containing(sundayEvening, ZoneId.of("UTC"))).hasToString("2026-W48");
    }

    @Test
    void weeksCrossYearsTheIsoWay() {
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2027-W01").orElseThrow().minus(1)).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2025-W53")).isEmpty();
        assertThat(IsoWeek.parse("W48")).isEmpty();
    }
}
