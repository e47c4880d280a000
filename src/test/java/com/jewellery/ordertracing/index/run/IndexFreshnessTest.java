package com.jewellery.ordertracing.index.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index's age is the slowest service's cursor against now, and unknown until every service has one. */
class IndexFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final List<String> SERVICES = List.of("shop", "crm", "mes");

    @Test
    void theSlowestServiceCounts() {
        Map<String, Instant> cursors =
                Map.of("shop", NOW.minusSeconds(5), "crm", NOW.minusSeconds(200), "mes", NOW.minusSeconds(7));
        assertThat(IndexFreshness.behind(cursors, SERVICES, NOW)).contains(Duration.ofSeconds(200));
    }

    @Test
    void unknownUntilEveryServiceHasACursor() {
        assertThat(IndexFreshness.behind(Map.of("shop", NOW), SERVICES, NOW)).isEmpty();
        assertThat(IndexFreshness.behind(Map.of(), SERVICES, NOW)).isEmpty();
    }

    @Test
    void aCursorAheadOfTheClockIsNotANegativeAge() {
        Map<String, Instant> cursors =
                Map.of("shop", NOW.plusSeconds(3), "crm", NOW.plusSeconds(3), "mes", NOW.plusSeconds(1));
        assertThat(IndexFreshness.behind(cursors, SERVICES, NOW)).contains(Duration.ZERO);
    }
}
