package com.jewellery.ordertracing.grafana;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import com.jewellery.ordertracing.lost.DetectionRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the portal's lost-order rules into the reporting tables at start-up (after Flyway), so Grafana's
 * lost/stuck panel uses the SLAs the portal runs with, including {@code portal.lost} overrides. One
 * transaction: the dashboard sees the old rules or the new, never half. Several instances with different
 * settings would overwrite each other; the last one started wins, which the panel's description says.
 */
@Component
class ReportingSlaWriter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportingSlaWriter.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DetectionRules rules;
    private final Clock clock;

    ReportingSlaWriter(JdbcTemplate jdbc, TransactionTemplate transaction, DetectionRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            write(ReportingSlas.of(rules));
        } catch (RuntimeException e) {
            // the portal works without it; only the dashboard's lost/stuck panel keeps the previous rules
            log.warn("Could not write the stage SLAs for Grafana (reporting_stage_sla): {}", e.getMessage());
        }
    }

    void write(ReportingSlas slas) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            List<String> ids =
                    slas.stages().stream().map(ReportingSlas.Stage::id).toList();
            jdbc.update("DELETE FROM reporting_stage_sla WHERE NOT (stage_id = ANY (?))", (Object)
                    ids.toArray(String[]::new));
            for (ReportingSlas.Stage stage : slas.stages()) {
                jdbc.update(
                        "INSERT INTO reporting_stage_sla (stage_id, position, sla, stuck_after, terminal, updated_at)"
                                + " VALUES (?, ?, CAST(? AS BIGINT) * interval '1 millisecond', CAST(? AS BIGINT) * interval '1 millisecond', ?, ?)"
                                + " ON CONFLICT (stage_id) DO UPDATE SET position = excluded.position,"
                                + " sla = excluded.sla, stuck_after = excluded.stuck_after,"
                                + " terminal = excluded.terminal, updated_at = excluded.updated_at",
                        stage.id(),
                        stage.position(),
                        millis(stage.sla()),
                        millis(stage.stuckAfter()),
                        stage.terminal(),
                        SqlTimes.timestamp(now));
            }
            ReportingSlas.LostRule lost = slas.lost();
            jdbc.update(
                    "INSERT INTO reporting_lost_rule (id, lost_after, stuck_before_any_stage, grace, updated_at)"
                            + " VALUES (true, CAST(? AS BIGINT) * interval '1 millisecond', CAST(? AS BIGINT) * interval '1 millisecond',"
                            + " CAST(? AS BIGINT) * interval '1 millisecond', ?)"
                            + " ON CONFLICT (id) DO UPDATE SET lost_after = excluded.lost_after,"
                            + " stuck_before_any_stage = excluded.stuck_before_any_stage, grace = excluded.grace,"
                            + " updated_at = excluded.updated_at",
                    millis(lost.lostAfter()),
                    millis(lost.stuckBeforeAnyStage()),
                    millis(lost.grace()),
                    SqlTimes.timestamp(now));
        });
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
