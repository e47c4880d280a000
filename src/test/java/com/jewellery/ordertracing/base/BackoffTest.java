package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final Backoff.Retries retries =
            Backoff.unlimited(Duration.ofSeconds(5), Duration.ofMinutes(1)).retries(clock);
    private final Backoff notifications = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);

    @Test
    void retriesDoubleUpToTheCap() {
        assertThat(retries.failed()).isEqualTo(Duration.ofSeconds(5));
        assertThat(retries.failed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(retries.failed()).isEqualTo(Duration.ofSeconds(20));
        assertThat(retries.failed()).isEqualTo(Duration.ofSeconds(40));
        assertThat(retries.failed()).isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            assertThat(retries.failed()).isEqualTo(Duration.ofMinutes(1));
        }
        assertThat(retries.failures()).isEqualTo(105);
    }

    @Test
    void noAttemptBeforeTheDelayHasPassed() {
        assertThat(retries.mayAttempt()).isTrue();
        retries.failed();
        retries.failed();

        clock.advance(Duration.ofSeconds(9));
        assertThat(retries.mayAttempt()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retries.mayAttempt()).isTrue();
        assertThat(retries.nextAttempt()).contains(Instant.parse("2026-11-26T12:00:10Z"));
    }

    @Test
    void aSuccessResetsTheDelay() {
        retries.failed();
        retries.failed();
        retries.succeeded();

        assertThat(retries.mayAttempt()).isTrue();
        assertThat(retries.nextAttempt()).isEmpty();
        assertThat(retries.failed()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void delaysDoubleUpToTheMaximum() {
        assertThat(notifications.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(notifications.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(notifications.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(notifications.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(notifications.delayAfter(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(notifications.exhausted(3)).isFalse();
        assertThat(notifications.exhausted(4)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
