package com.jewellery.ordertracing.lost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    private static final Durations.Units RUSSIAN =
            new Durations.Units("{0} д {1} ч", "{0} ч {1} мин", "{0} мин {1} с", "{0} с");

    @Test
    void theTwoLargestUnitsTheSmallerWithTwoDigits() {
        assertThat(Durations.compact(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.compact(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(Durations.compact(Duration.ofMinutes(127))).isEqualTo("2h 07m");
        assertThat(Durations.compact(Duration.ofHours(99))).isEqualTo("4d 03h");
        assertThat(Durations.compact(Duration.ofDays(1234)))
                .as("no grouping in a count")
                .isEqualTo("1234d 00h");
    }

    @Test
    void inTheWordsOfALanguage() {
        assertThat(Durations.compact(Duration.ofMinutes(369), RUSSIAN)).isEqualTo("6 ч 09 мин");
        assertThat(Durations.compact(Duration.ofSeconds(61), RUSSIAN)).isEqualTo("1 мин 01 с");
        assertThat(Durations.compact(Duration.ofSeconds(9), RUSSIAN)).isEqualTo("9 с");
        assertThat(Durations.compact(Duration.ofHours(49), RUSSIAN)).isEqualTo("2 д 01 ч");
    }

    @Test
    void aNegativeDurationCountsAsNone() {
        assertThat(Durations.compact(Duration.ofSeconds(-5))).isEqualTo("0s");
    }
}
