package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.analytics.Rollup;
import com.jewellery.ordertracing.lost.DetectionRules;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IndexCaughtUp;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every panel's SQL from the dashboard JSON, macros expanded as Grafana documents them, run against the real
 * PostgreSQL as the read-only role Grafana connects as (portal_grafana, created by bin/stack, granted by V15),
 * on orders the real flow played and the portal's indexer measured. Then what the role must not do.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=" + GrafanaPanelsSqlIT.URL,
            "spring.flyway.schemas=grafana_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            // read Jaeger from this context's start on only: other tests' orders of the last minutes (with the
            // shared 500 ms slow pricing) would share the run's minutes and hide its 3.5 s in the percentiles
            "portal.index.overlap=10s",
            "portal.index.initial-lookback=1s",
            "portal.index.lock-key=727612",
            // lost after 2 h: the synthetic open orders of lostAndStuck... (hours ago) are stuck, not lost
            "portal.lost.end-to-end-sla=2h"
        })
class GrafanaPanelsSqlIT {

    static final String URL = "jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=grafana_it";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DetectionRules rules;

    private GroundTruth truth;
    private Instant from;
    private Instant to;

    @BeforeAll
    void playOrdersAndWaitForTheMeasurements() throws Exception {
        from = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        // slow pricing as slow as the scenario (the shared default of 500 ms is for fast tests)
        truth = GeneratedOrders.playWithSlowPricing(
                21, "ok=3,slow_pricing=2,pricing_error=1,lost=1", 40, 1212, Duration.ofMillis(3_500));
        assertThat(truth.orders()).allMatch(SentOrder::accepted).allMatch(SentOrder::sampled);
        long ended = truth.orders().stream()
                .filter(sent -> sent.order().outcome() != Outcome.LOST)
                .count();
        String prefix = "ORD-" + truth.runId() + "-%";
        await().atMost(LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM stage_measurement WHERE order_id LIKE ? AND stage_id = 'end_to_end'",
                                Long.class,
                                prefix)
                        == ended);
        // and nothing more to write: the schema's indexer also stores traces of tests that ran before (its first
        // windows reach back), which would change the counts below between a panel's query and the check's
        IndexCaughtUp.afterPlay(jdbc, truth, LIMIT);
        to = Instant.now().plus(Duration.ofMinutes(2));
    }

    @Test
    void everyPanelsQueryRunsAsTheReadOnlyRoleAndReturnsItsColumns() throws Exception {
        Map<String, String> variables = Map.of("stage", "mes.price");
        Map<Integer, List<Map<String, Object>>> results = new LinkedHashMap<>();
        try (Connection grafana = asGrafana()) {
            for (JsonNode dashboard : GrafanaFiles.dashboards()) {
                for (GrafanaFiles.PanelQuery query : GrafanaFiles.queries(dashboard)) {
                    String sql = GrafanaMacros.expand(query.sql(), from, to, Duration.ofMinutes(1), variables);
                    List<Map<String, Object>> rows = rows(grafana, sql);
                    assertThat(rows)
                            .as("panel %d %s:\n%s", query.panelId(), query.title(), sql)
                            .isNotEmpty();
                    if (query.format().equals("time_series")) {
                        assertThat(rows.getFirst())
                                .as("panel %d", query.panelId())
                                .containsKey("time");
                    }
                    results.put(query.panelId(), rows);
                }
            }
            // the stage variable's query
            assertThat(rows(grafana, "SELECT stage_id FROM grafana_stages ORDER BY 1"))
                    .extracting(row -> row.get("stage_id"))
                    .contains("mes.price", "end_to_end", "rabbitmq.queue");
        }

        List<Map<String, Object>> latency = results.get(1);
        assertThat(latency.getFirst()).containsOnlyKeys("time", "p50", "p95", "p99");
        assertThat(latency)
                .as("slow pricing (3.5 s) shows in the p95 of some minute")
                .anySatisfy(row -> assertThat(number(row, "p95")).isGreaterThanOrEqualTo(3_000));
        assertThat(latency)
                .allSatisfy(row -> assertThat(number(row, "p50"))
                        .isLessThanOrEqualTo(number(row, "p95"))
                        .isLessThanOrEqualTo(number(row, "p99"))
                        .isGreaterThan(0));

        long pricing = jdbc.queryForObject(
                "SELECT count(*) FROM stage_measurement WHERE stage_id = 'mes.price'"
                        + " AND ended_at >= ? AND ended_at <= ?",
                Long.class,
                java.sql.Timestamp.from(from),
                java.sql.Timestamp.from(to));
        assertThat(results.get(2).getFirst()).containsOnlyKeys("time", "orders", "errors");
        assertThat(results.get(2).stream()
                        .mapToDouble(row -> number(row, "orders"))
                        .sum())
                .as("throughput sums to the measurements")
                .isEqualTo(pricing);
        assertThat(results.get(2).stream()
                        .mapToDouble(row -> number(row, "errors"))
                        .sum())
                .as("pricing errors counted at pricing")
                .isGreaterThanOrEqualTo(1);

        assertThat(results.get(3).getFirst()).containsOnlyKeys("time", "metric", "error_rate");
        assertThat(results.get(4))
                .allSatisfy(row -> assertThat(number(row, "sla_ok_percent")).isBetween(0.0, 100.0));
        assertThat(results.get(4))
                .as("a series per stage, pricing among them")
                .anySatisfy(row -> assertThat(row.get("metric")).isEqualTo("mes.price"));

        List<Map<String, Object>> lost = results.get(5);
        assertThat(lost.getFirst()).containsOnlyKeys("time", "failed", "lost", "stuck");
        assertThat(lost.stream().mapToDouble(row -> number(row, "failed")).sum())
                .isGreaterThanOrEqualTo(1);

        assertThat(results.get(6)).extracting(row -> row.get("stage")).contains("mes.price", "end_to_end");
    }

    /**
     * Each rollup level: the step (Grafana's interval rounded up to minutes) picks the coarsest rollup that divides
     * it, as the portal's chart does, and the latency and throughput panels read the same orders and the slow
     * pricing from minute, hour and 6-hour rows alike.
     */
    @Test
    void theRollupPanelsReadMinuteHourOrSixHourRowsByTheirStep() throws Exception {
        Instant alignedFrom = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), 21_600) * 21_600);
        long pricing = jdbc.queryForObject(
                "SELECT count(*) FROM stage_measurement WHERE stage_id = 'mes.price' AND ended_at >= ? AND ended_at <= ?",
                Long.class,
                java.sql.Timestamp.from(alignedFrom),
                java.sql.Timestamp.from(to));
        JsonNode dashboard = GrafanaFiles.dashboards().getFirst();
        Map<Integer, String> sql = new LinkedHashMap<>();
        GrafanaFiles.queries(dashboard).forEach(query -> sql.put(query.panelId(), query.sql()));
        Map<Duration, String> expected = new LinkedHashMap<>();
        for (Duration interval : List.of(
                Duration.ofSeconds(20),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(90),
                Duration.ofHours(1),
                Duration.ofHours(3),
                Duration.ofHours(6),
                Duration.ofHours(12),
                Duration.ofDays(1))) {
            long stepSeconds = Math.max(60, (interval.toSeconds() + 59) / 60 * 60);
            expected.put(
                    interval,
                    switch (Rollup.forStep(Duration.ofSeconds(stepSeconds))) {
                        case MINUTE -> "minute";
                        case QUARTER_HOUR -> "15m";
                        case HOUR -> "hour";
                        case SIX_HOURS -> "6h";
                    });
        }
        assertThat(expected.values()).as("every level is exercised").contains("minute", "15m", "hour", "6h");
        try (Connection grafana = asGrafana()) {
            for (Map.Entry<Duration, String> level : expected.entrySet()) {
                Duration interval = level.getKey();
                List<Map<String, Object>> rows = rows(
                        grafana,
                        GrafanaMacros.expand(
                                "SELECT DISTINCT rollup, step_seconds FROM grafana_stage_rows($__timeFrom(), $__timeTo(),"
                                        + " $__interval_ms, NULL)",
                                alignedFrom,
                                to,
                                interval,
                                Map.of()));
                assertThat(rows)
                        .as("interval %s", interval)
                        .singleElement()
                        .satisfies(row -> assertThat(row.get("rollup")).isEqualTo(level.getValue()));

                Map<String, String> variables = Map.of("stage", "mes.price");
                List<Map<String, Object>> latency =
                        rows(grafana, GrafanaMacros.expand(sql.get(1), alignedFrom, to, interval, variables));
                assertThat(latency)
                        .as("%s rows, interval %s: slow pricing in the p95", level.getValue(), interval)
                        .anySatisfy(row -> assertThat(number(row, "p95")).isGreaterThanOrEqualTo(3_000));
                List<Map<String, Object>> throughput =
                        rows(grafana, GrafanaMacros.expand(sql.get(2), alignedFrom, to, interval, variables));
                assertThat(throughput.stream()
                                .mapToDouble(row -> number(row, "orders"))
                                .sum())
                        .as("%s rows, interval %s: every pricing measurement once", level.getValue(), interval)
                        .isEqualTo(pricing);
                long step = ((Number) rows.getFirst().get("step_seconds")).longValue();
                assertThat(throughput)
                        .allSatisfy(row -> assertThat(((java.sql.Timestamp) row.get("time"))
                                                .toInstant()
                                                .getEpochSecond()
                                        % step)
                                .as("points on the step")
                                .isZero());
            }
        }
    }

    /**
     * The lost/stuck panel classifies with the SLAs the portal runs with (written at start-up, here with
     * portal.lost.end-to-end-sla = 2 h): synthetic open orders hours ago, outside the played scenario's range,
     * one per rule. A single stuck threshold could not make an order stuck shortly after "shop.create" (the next
     * stage's 5 s plus grace) and another, sitting longer after "crm.publish", not yet (the queue's 60 s plus grace).
     */
    @Test
    void lostAndStuckOverTimeUseThePortalsPerStageSlas() throws Exception {
        ReportingSlas slas = ReportingSlas.of(rules);
        List<Map<String, Object>> written =
                jdbc.queryForList("SELECT stage_id, position, extract(epoch FROM sla) * 1000 AS sla_ms,"
                        + " extract(epoch FROM stuck_after) * 1000 AS stuck_ms, terminal FROM reporting_stage_sla"
                        + " ORDER BY position");
        assertThat(written).hasSameSizeAs(slas.stages());
        for (int i = 0; i < written.size(); i++) {
            ReportingSlas.Stage stage = slas.stages().get(i);
            Map<String, Object> row = written.get(i);
            assertThat(row.get("stage_id")).isEqualTo(stage.id());
            assertThat(number(row, "sla_ms")).isEqualTo(stage.sla().toMillis());
            assertThat(row.get("stuck_ms") == null ? null : (long) number(row, "stuck_ms"))
                    .isEqualTo(
                            stage.stuckAfter() == null
                                    ? null
                                    : stage.stuckAfter().toMillis());
        }
        assertThat(jdbc.queryForObject("SELECT extract(epoch FROM lost_after) FROM reporting_lost_rule", Double.class))
                .isEqualTo((double) rules.endToEndSla().toSeconds())
                .isEqualTo(7_200.0);

        // past the allowance after shop.create, and short of the longer one after crm.publish while sitting
        // longer: one threshold cannot make the first stuck and the second not
        Duration afterShop = rules.allowanceAfter("shop.create").orElseThrow().plusSeconds(20);
        Duration afterPublish =
                rules.allowanceAfter("crm.publish").orElseThrow().minusSeconds(25);
        assertThat(afterPublish).isGreaterThan(afterShop);
        Instant now = Instant.now();
        insertOpen(
                "LS-lost",
                now.minus(Duration.ofHours(3)),
                "mes.consume",
                now.minus(Duration.ofHours(3)),
                "IN_PROGRESS");
        insertOpen(
                "LS-stuck-shop", now.minus(Duration.ofMinutes(90)), "shop.create", now.minus(afterShop), "IN_PROGRESS");
        insertOpen(
                "LS-moving-queue",
                now.minus(Duration.ofMinutes(90)),
                "crm.publish",
                now.minus(afterPublish),
                "IN_PROGRESS");
        insertOpen("LS-stuck-no-stage", now.minus(Duration.ofMinutes(80)), null, null, "IN_PROGRESS");
        insertOpen(
                "LS-terminal",
                now.minus(Duration.ofMinutes(80)),
                "mes.approve",
                now.minus(Duration.ofMinutes(80)),
                "IN_PROGRESS");
        insertOpen(
                "LS-unknown-stage",
                now.minus(Duration.ofMinutes(80)),
                "nowhere",
                now.minus(Duration.ofMinutes(80)),
                "IN_PROGRESS");
        insertOpen(
                "LS-failed",
                now.minus(Duration.ofMinutes(70)),
                "mes.price",
                now.minus(Duration.ofMinutes(70)),
                "FAILED");
        insertOpen(
                "LS-completed",
                now.minus(Duration.ofMinutes(70)),
                "mes.approve",
                now.minus(Duration.ofMinutes(70)),
                "COMPLETED");
        try {
            String panel = GrafanaFiles.queries(GrafanaFiles.dashboards().getFirst()).stream()
                    .filter(query -> query.panelId() == 5)
                    .findFirst()
                    .orElseThrow()
                    .sql();
            List<Map<String, Object>> rows;
            try (Connection grafana = asGrafana()) {
                rows = rows(
                        grafana,
                        GrafanaMacros.expand(
                                panel,
                                now.minus(Duration.ofHours(4)),
                                now.minus(Duration.ofMinutes(60)),
                                Duration.ofHours(1),
                                Map.of()));
            }
            assertThat(rows.stream().mapToDouble(row -> number(row, "failed")).sum())
                    .isEqualTo(1);
            assertThat(rows.stream().mapToDouble(row -> number(row, "lost")).sum())
                    .isEqualTo(1);
            assertThat(rows.stream().mapToDouble(row -> number(row, "stuck")).sum())
                    .as(
                            "after shop.create, and before any stage; not after crm.publish, the terminal or an unknown stage")
                    .isEqualTo(2);
        } finally {
            jdbc.update("DELETE FROM order_journey WHERE order_id LIKE 'LS-%'");
        }
    }

    private void insertOpen(String orderId, Instant firstSeen, String lastStage, Instant lastEnded, String outcome) {
        jdbc.update(
                "INSERT INTO order_journey (order_id, first_seen, last_seen, last_stage, last_stage_ended_at, outcome,"
                        + " has_error, trace_ids, journey, indexed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}', '{}'::jsonb, now())",
                orderId,
                java.sql.Timestamp.from(firstSeen),
                java.sql.Timestamp.from(lastEnded == null ? firstSeen : lastEnded),
                lastStage,
                lastEnded == null ? null : java.sql.Timestamp.from(lastEnded),
                outcome,
                outcome.equals("FAILED"));
    }

    @Test
    void theReadOnlyRoleReadsNoTableAndWritesNothing() throws Exception {
        List<String> tables =
                jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'grafana_it'", String.class);
        assertThat(tables)
                .contains(
                        "order_journey",
                        "order_measurement",
                        "stage_drill_down",
                        "stage_rollup_minute",
                        "alert",
                        "alert_notification",
                        "reporting_stage_sla",
                        "reporting_lost_rule");
        try (Connection grafana = asGrafana()) {
            for (String table : tables) {
                assertDenied(grafana, "SELECT * FROM " + table + " LIMIT 1");
            }
            assertDenied(grafana, "SELECT journey FROM order_journey LIMIT 1");
            assertDenied(grafana, "SELECT * FROM stage_measurement LIMIT 1");
            assertDenied(grafana, "INSERT INTO grafana_stage_minute VALUES ('x', now(), 1, 0, 1, '{1}')");
            assertDenied(grafana, "DELETE FROM grafana_open_orders");
            assertDenied(grafana, "CREATE TABLE grafana_it.grafana_was_here (id int)");
            assertDenied(grafana, "CREATE TABLE public.grafana_was_here (id int)");
            assertThatThrownBy(() -> rows(grafana, "CREATE TEMP TABLE grafana_was_here (id int)"))
                    .as("read-only by default")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only");
        }
        List<String> columns = jdbc.queryForList(
                "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'grafana_it' AND table_name LIKE 'grafana%'",
                String.class);
        assertThat(columns)
                .as("no spans, no error texts")
                .doesNotContain("journey", "error_message", "trace_ids", "summary", "body");
        List<String> granted = jdbc.queryForList(
                "SELECT table_name FROM information_schema.role_table_grants"
                        + " WHERE grantee = 'portal_grafana' AND table_schema = 'grafana_it'",
                String.class);
        assertThat(granted)
                .allMatch(name -> name.startsWith("grafana_"))
                .contains(
                        "grafana_stage_minute",
                        "grafana_stage_15m",
                        "grafana_stage_hour",
                        "grafana_stage_6h",
                        "grafana_stages",
                        "grafana_open_orders",
                        "grafana_stage_slas",
                        "grafana_lost_rules");
        assertThat(jdbc.queryForList(
                        "SELECT privilege_type FROM information_schema.role_table_grants"
                                + " WHERE grantee = 'portal_grafana' AND table_schema = 'grafana_it'",
                        String.class))
                .containsOnly("SELECT");
    }

    private static void assertDenied(Connection connection, String sql) {
        assertThatThrownBy(() -> rows(connection, sql))
                .as(sql)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isIn("42501", "25006"));
    }

    private static Connection asGrafana() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, "portal_grafana", "portal_grafana");
        connection.setAutoCommit(true);
        return connection;
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return rows;
            }
            try (ResultSet result = statement.getResultSet()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static double number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
