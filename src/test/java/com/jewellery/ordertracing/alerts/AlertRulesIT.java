package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Rule changes: admins only, validated before anything is written, open alerts resolved on disable. */
@IntegrationTest
class AlertRulesIT {

    private final String name = "IT rule " + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private AlertService service;

    @Autowired
    private AlertRepository repository;

    @Autowired
    private AlertEngine engine;

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void deleteRules() {
        jdbc.update("DELETE FROM alert WHERE rule_name LIKE ?", name + "%");
        jdbc.update("DELETE FROM alert_rule WHERE name LIKE ?", name + "%");
    }

    @Test
    @WithMockUser(roles = "SUPPORT")
    void supportMayReadRulesButNotChangeThem() {
        assertThat(service.rules()).isNotEmpty();
        assertThatThrownBy(() -> service.saveRule(null, valid())).isInstanceOf(AccessDeniedException.class);
        assertThat(ruleCount()).isZero();
    }

    @Test
    @WithMockUser(roles = "ANALYST")
    void analystsSeeNoAlerts() {
        assertThatThrownBy(() -> service.history(0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void anInvalidRuleWritesNothingAndNamesEveryProblem() {
        AlertRuleInput invalid =
                new AlertRuleInput(name, AlertRuleKind.ERROR_RATE, "mes.pricing", new BigDecimal("150"), 0, true);

        assertThatThrownBy(() -> service.saveRule(null, invalid))
                .isInstanceOfSatisfying(
                        InvalidAlertRuleException.class,
                        refused ->
                                assertThat(refused.problems()).containsOnlyKeys("stage", "threshold", "windowMinutes"));
        assertThat(ruleCount()).isZero();
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void adminsCreateRulesWithUniqueNames() {
        AlertRule saved = service.saveRule(null, valid());

        assertThat(saved.updatedBy()).isEqualTo("alice");
        assertThat(saved.threshold()).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> service.saveRule(null, valid()))
                .isInstanceOfSatisfying(
                        InvalidAlertRuleException.class,
                        refused -> assertThat(refused.problems()).containsEntry("name", "alerts.rule.error.nameTaken"));
        assertThat(ruleCount()).isEqualTo(1);
    }

    @Test
    @WithMockUser(username = "alice", roles = "ADMIN")
    void disablingARuleResolvesItsOpenAlertsAndSaysSo() {
        Instant now =
                Instant.parse("2001-09-10T08:00:00Z").plus(Duration.ofMinutes(Math.floorMod(name.hashCode(), 100_000)));
        JourneyRows rows = new JourneyRows(
                jdbc, "ORD-AR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-");
        rows.insert(rows.failed("1", now.minusSeconds(90), "crm.process", now.minusSeconds(60), "CRM refused"));
        try {
            AlertRule rule = service.saveRule(
                    null, new AlertRuleInput(name, AlertRuleKind.CRITICAL_ERROR, "crm.process", null, 30, true));
            assertThat(engine.evaluate(rule, now)).isEqualTo(new AlertEngine.Outcome(1, 0));

            service.saveRule(
                    rule.id(), new AlertRuleInput(name, AlertRuleKind.CRITICAL_ERROR, "crm.process", null, 30, false));

            AlertRecord alert = repository.alertsOfRule(rule.id()).getFirst();
            assertThat(alert.open()).isFalse();
            assertThat(alert.resolution()).isEqualTo("rule disabled");
            assertThat(repository.notificationsOf(alert.id()))
                    .extracting(OutboxNotification::event)
                    .containsExactlyInAnyOrder(
                            AlertEvent.OPENED, AlertEvent.OPENED, AlertEvent.RESOLVED, AlertEvent.RESOLVED);
        } finally {
            rows.deleteAll();
        }
    }

    private AlertRuleInput valid() {
        return new AlertRuleInput(name, AlertRuleKind.ERROR_RATE, "mes.price", new BigDecimal("2.5"), 15, true);
    }

    private int ruleCount() {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM alert_rule WHERE name LIKE ?", Integer.class, name + "%");
        return count == null ? 0 : count;
    }
}
