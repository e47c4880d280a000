package com.jewellery.ordertracing.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.incidents.domain.AutoAttachRule.Decision;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which new failures join an incident that owns their fingerprint. */
class AutoAttachRuleTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant RESOLVED = CREATED.plus(Duration.ofHours(2));
    private static final AutoAttachRule FLAG =
            new AutoAttachRule(AfterResolution.FLAG, Duration.ofDays(7), Duration.ofHours(24));
    private static final AutoAttachRule REOPEN =
            new AutoAttachRule(AfterResolution.REOPEN, Duration.ofDays(7), Duration.ofHours(24));

    @Test
    void openIncidentsTakeEveryMatchingFailure() {
        for (IncidentStatus open :
                new IncidentStatus[] {IncidentStatus.TRIAGE, IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED}) {
            assertThat(FLAG.decide(open, CREATED, null, CREATED.plusSeconds(5))).isEqualTo(Decision.ATTACH);
            // failures shortly before the incident was opened are part of it
            assertThat(FLAG.decide(open, CREATED, null, CREATED.minus(Duration.ofHours(3))))
                    .isEqualTo(Decision.ATTACH);
        }
    }

    @Test
    void failuresLongBeforeTheIncidentStayOut() {
        assertThat(FLAG.decide(IncidentStatus.TRIAGE, CREATED, null, CREATED.minus(Duration.ofHours(25))))
                .isEqualTo(Decision.IGNORE);
    }

    @Test
    void aFailureAfterResolutionJoinsAndIsFlaggedOrReopensNeverSilently() {
        Instant after = RESOLVED.plus(Duration.ofMinutes(10));

        assertThat(FLAG.decide(IncidentStatus.RESOLVED, CREATED, RESOLVED, after))
                .isEqualTo(Decision.ATTACH_AND_FLAG);
        assertThat(REOPEN.decide(IncidentStatus.RESOLVED, CREATED, RESOLVED, after))
                .isEqualTo(Decision.ATTACH_AND_REOPEN);
    }

    @Test
    void aFailureFromBeforeTheFixIndexedLateJoinsWithoutAlarm() {
        assertThat(FLAG.decide(IncidentStatus.RESOLVED, CREATED, RESOLVED, RESOLVED.minusSeconds(30)))
                .isEqualTo(Decision.ATTACH);
    }

    @Test
    void longAfterResolutionOrOnceClosedItIsANewProblem() {
        assertThat(FLAG.decide(IncidentStatus.RESOLVED, CREATED, RESOLVED, RESOLVED.plus(Duration.ofDays(8))))
                .isEqualTo(Decision.IGNORE);
        for (IncidentStatus over :
                new IncidentStatus[] {IncidentStatus.CLOSED, IncidentStatus.CANCELED, IncidentStatus.MERGED}) {
            assertThat(REOPEN.decide(over, CREATED, RESOLVED, RESOLVED.plusSeconds(60)))
                    .isEqualTo(Decision.IGNORE);
        }
    }
}
