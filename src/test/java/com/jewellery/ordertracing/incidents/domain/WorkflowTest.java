package com.jewellery.ordertracing.incidents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The incident status workflow and the moments the weekly review reads from it. */
class WorkflowTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theMainLineSetsEachMomentOnce() {
        StatusClock clock = StatusClock.openedAt(T0)
                .transition(IncidentStatus.TRIAGE, IncidentStatus.INVESTIGATING, T0.plusSeconds(60))
                .transition(IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED, T0.plusSeconds(600))
                .transition(IncidentStatus.MITIGATED, IncidentStatus.INVESTIGATING, T0.plusSeconds(700))
                .transition(IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED, T0.plusSeconds(800))
                .transition(IncidentStatus.MITIGATED, IncidentStatus.RESOLVED, T0.plusSeconds(3600))
                .transition(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, T0.plusSeconds(7200));

        assertThat(clock.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
        // the first mitigation counts, the fallback to investigating does not reset it
        assertThat(clock.mitigatedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(clock.resolvedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(clock.closedAt()).isEqualTo(T0.plusSeconds(7200));
    }

    @Test
    void aQuickFixThatSkipsStepsAcknowledgesAndMitigatesAsItResolves() {
        StatusClock clock = StatusClock.openedAt(T0)
                .transition(IncidentStatus.TRIAGE, IncidentStatus.RESOLVED, T0.plusSeconds(300));

        assertThat(clock.acknowledgedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(clock.mitigatedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(clock.resolvedAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void cancelingFromTriageAcknowledgesNothing() {
        StatusClock clock =
                StatusClock.openedAt(T0).transition(IncidentStatus.TRIAGE, IncidentStatus.CANCELED, T0.plusSeconds(30));

        assertThat(clock.acknowledgedAt()).isNull();
        assertThat(clock.canceledAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void anIllegalTransitionIsRefusedNamingTheAllowedStates() {
        assertThatThrownBy(() -> StatusClock.openedAt(T0).transition(IncidentStatus.TRIAGE, IncidentStatus.CLOSED, T0))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> {
                    assertThat(refused.from()).isEqualTo(IncidentStatus.TRIAGE);
                    assertThat(refused.to()).isEqualTo(IncidentStatus.CLOSED);
                    assertThat(refused.allowed())
                            .containsExactlyInAnyOrder(
                                    IncidentStatus.INVESTIGATING,
                                    IncidentStatus.MITIGATED,
                                    IncidentStatus.RESOLVED,
                                    IncidentStatus.CANCELED,
                                    IncidentStatus.MERGED);
                })
                .hasMessageContaining("allowed");
    }

    @Test
    void goingBackFromResolvedIsAReopenNotATransition() {
        StatusClock resolved = StatusClock.openedAt(T0)
                .transition(IncidentStatus.TRIAGE, IncidentStatus.RESOLVED, T0.plusSeconds(100));

        assertThatThrownBy(() -> resolved.transition(IncidentStatus.RESOLVED, IncidentStatus.INVESTIGATING, T0))
                .isInstanceOf(IllegalTransitionException.class);

        StatusClock reopened = resolved.reopen(IncidentStatus.RESOLVED, T0.plusSeconds(500));
        assertThat(reopened.reopenedAt()).isEqualTo(T0.plusSeconds(500));
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.acknowledgedAt()).isEqualTo(T0.plusSeconds(100));

        // resolved again: time to resolve runs to the latest resolution
        StatusClock again =
                reopened.transition(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED, T0.plusSeconds(900));
        assertThat(Duration.between(T0, again.resolvedAt())).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void canceledAndMergedIncidentsCannotBeReopenedOrMoved() {
        for (IncidentStatus end : new IncidentStatus[] {IncidentStatus.CANCELED, IncidentStatus.MERGED}) {
            assertThat(end.allowedNext()).isEmpty();
            assertThat(end.canReopen()).isFalse();
            assertThatThrownBy(() -> StatusClock.openedAt(T0).reopen(end, T0))
                    .isInstanceOf(IllegalTransitionException.class);
        }
        assertThat(IncidentStatus.CLOSED.allowedNext()).isEmpty();
        assertThat(IncidentStatus.CLOSED.canReopen()).isTrue();
    }

    @Test
    void noStateLeadsBackToTriage() {
        for (IncidentStatus status : IncidentStatus.values()) {
            assertThat(status.allowedNext()).doesNotContain(IncidentStatus.TRIAGE);
        }
    }

    @Test
    void keysRoundTripAndRefuseOtherText() {
        assertThat(IncidentKeys.of(42)).isEqualTo("INC-42");
        assertThat(IncidentKeys.idOf(" inc-42 ")).contains(42L);
        assertThat(IncidentKeys.idOf("INC-")).isEmpty();
        assertThat(IncidentKeys.idOf("42")).isEmpty();
        assertThat(IncidentKeys.idOf("INC-4x")).isEmpty();
    }
}
