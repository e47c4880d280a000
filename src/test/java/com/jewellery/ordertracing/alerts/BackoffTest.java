package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 4);

    @Test
    void delaysDoubleUpToTheMaximum() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(500)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(backoff.exhausted(3)).isFalse();
        assertThat(backoff.exhausted(4)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
