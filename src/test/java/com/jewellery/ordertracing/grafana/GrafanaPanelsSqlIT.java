package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.support.GeneratedOrders;
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
            "portal.index.lock-key=727612"
        })
class GrafanaPanelsSqlIT {

    static final String URL = "jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=grafana_it";
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Autowired
    private JdbcTemplate jdbc;

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
        to = Instant.now().plus(Duration.ofMinutes(2));
    }

    @Test
    void everyPanelsQueryRunsAsTheReadOnlyRoleAndReturnsItsColumns() throws Exception {
        Map<String, String> variables =
                Map.of("stage", "mes.price", "lost_after", "1 second", "stuck_after", "1 second");
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
        long lostOrders = truth.orders().stream()
                .filter(sent -> sent.order().outcome() == Outcome.LOST)
                .count();
        assertThat(lost.stream().mapToDouble(row -> number(row, "lost")).sum()).isGreaterThanOrEqualTo(lostOrders);
        assertThat(lost.stream().mapToDouble(row -> number(row, "failed")).sum())
                .isGreaterThanOrEqualTo(1);

        assertThat(results.get(6)).extracting(row -> row.get("stage")).contains("mes.price", "end_to_end");
    }

    @Test
    void theReadOnlyRoleReadsNoTableAndWritesNothing() throws Exception {
        List<String> tables =
                jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'grafana_it'", String.class);
        assertThat(tables)
                .contains("order_journey", "stage_measurement", "stage_rollup_minute", "alert", "alert_notification");
        try (Connection grafana = asGrafana()) {
            for (String table : tables) {
                assertDenied(grafana, "SELECT * FROM " + table + " LIMIT 1");
            }
            assertDenied(grafana, "SELECT journey FROM order_journey LIMIT 1");
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
                .contains("grafana_stage_minute", "grafana_stage_hour", "grafana_stages", "grafana_open_orders");
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
