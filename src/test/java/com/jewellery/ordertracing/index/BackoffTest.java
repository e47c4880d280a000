package com.jewellery.ordertracing.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), clock);

    @Test
    void retriesDoubleUpToTheCap() {
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(1));
        }
        assertThat(backoff.failures()).isEqualTo(105);
    }

    @Test
    void noAttemptBeforeTheDelayHasPassed() {
        assertThat(backoff.mayAttempt()).isTrue();
        backoff.failed();
        backoff.failed();

        clock.advance(Duration.ofSeconds(9));
        assertThat(backoff.mayAttempt()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(backoff.mayAttempt()).isTrue();
        assertThat(backoff.nextAttempt()).contains(Instant.parse("2026-11-26T12:00:10Z"));
    }

    @Test
    void aSuccessResetsTheDelay() {
        backoff.failed();
        backoff.failed();
        backoff.succeeded();

        assertThat(backoff.mayAttempt()).isTrue();
        assertThat(backoff.nextAttempt()).isEmpty();
        assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(5));
    }
}
