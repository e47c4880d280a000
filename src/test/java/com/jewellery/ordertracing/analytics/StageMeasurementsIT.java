package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.instrumentation.Telemetry;
import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.index.backfill.BackfillRequest;
import com.jewellery.ordertracing.index.backfill.IndexerAdmin;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IndexCaughtUp;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.StackJaeger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stage measurements through the whole chain: the real order flow writes traces to the real Jaeger, the
 * portal's background indexer writes journeys and, in the same transactions, measurements and rollups into
 * a schema of its own. Checked against the generator's ground truth and against exact percentiles of the
 * measurements themselves; then a re-index of the same range, and a late span sent to Jaeger.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=analytics_it",
            "spring.flyway.schemas=analytics_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=2m",
            "portal.index.initial-lookback=2m",
            "portal.index.lock-key=727611"
        })
class StageMeasurementsIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String CONSISTENT = """
            SELECT m.stage_id, m.orders, m.errors, m.sla_ok, mi.orders AS minute_orders, mi.errors AS minute_errors,
                mi.sla_ok AS minute_sla_ok, h.orders AS hour_orders, h.errors AS hour_errors, h.sla_ok AS hour_sla_ok,
                q.orders AS six_orders, q.errors AS six_errors, q.sla_ok AS six_sla_ok,
                f.orders AS quarter_orders, f.errors AS quarter_errors, f.sla_ok AS quarter_sla_ok
            FROM (SELECT stage_id, count(*) AS orders, count(*) FILTER (WHERE error) AS errors,
                    count(*) FILTER (WHERE sla_ok) AS sla_ok FROM stage_measurement GROUP BY stage_id) m
            LEFT JOIN (SELECT stage_id, sum(orders) AS orders, sum(errors) AS errors, sum(sla_ok) AS sla_ok
                    FROM stage_rollup_minute GROUP BY stage_id) mi USING (stage_id)
            LEFT JOIN (SELECT stage_id, sum(orders) AS orders, sum(errors) AS errors, sum(sla_ok) AS sla_ok
                    FROM stage_rollup_hour GROUP BY stage_id) h USING (stage_id)
            LEFT JOIN (SELECT stage_id, sum(orders) AS orders, sum(errors) AS errors, sum(sla_ok) AS sla_ok
                    FROM stage_rollup_6h GROUP BY stage_id) q USING (stage_id)
            LEFT JOIN (SELECT stage_id, sum(orders) AS orders, sum(errors) AS errors, sum(sla_ok) AS sla_ok
                    FROM stage_rollup_15m GROUP BY stage_id) f USING (stage_id)""";

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AnalyticsService analytics;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private IndexerAdmin admin;

    private GroundTruth truth;
    private String prefix;

    @BeforeAll
    void playOrdersAndWaitForTheIndex() throws Exception {
        truth = GeneratedOrders.play(60, "ok=3,slow_pricing=2,pricing_error=1,lost=1", 40, 1111);
        assertThat(truth.orders()).allMatch(SentOrder::accepted).allMatch(SentOrder::sampled);
        prefix = "ORD-" + truth.runId() + "-";
        long ended = truth.orders().stream()
                .filter(sent -> sent.order().outcome() != Outcome.LOST)
                .count();
        // every order that completed or failed has its end-to-end measurement once its last span is indexed
        await().atMost(LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(measured(StageMeasurement.END_TO_END)).isEqualTo(ended));
        // and the lost orders' last spans too, which no end-to-end measurement waits for
        IndexCaughtUp.afterPlay(jdbc, truth, LIMIT);
    }

    @Test
    @Order(1)
    void everyReachedStageOfEveryJourneyHasOneMeasurementWithTheJourneysDuration() {
        List<Map<String, Object>> differences = jdbc.queryForList("""
                SELECT j.order_id, s->'definition'->>'id' AS stage_id, s->>'duration' AS journey_duration,
                    m.duration_us
                FROM order_journey j CROSS JOIN jsonb_array_elements(j.journey->'stages') s
                LEFT JOIN stage_measurement m ON m.order_id = j.order_id AND m.stage_id = s->'definition'->>'id'
                WHERE j.order_id LIKE ? AND s->>'state' <> 'MISSING'
                    AND (m.duration_us IS NULL
                        -- the journey keeps nanoseconds; PostgreSQL's cast rounds a tie to even, the driver
                        -- (and the writer) half up: at exactly half a microsecond they differ by one
                        OR abs(EXTRACT(EPOCH FROM m.ended_at - CAST(s->>'end' AS timestamptz))) > 0.000001)""", prefix + "%");
        assertThat(differences)
                .as("reached stages without a measurement at their end")
                .isEmpty();
        Long reached = jdbc.queryForObject("""
                SELECT count(*) FROM order_journey j CROSS JOIN jsonb_array_elements(j.journey->'stages') s
                WHERE j.order_id LIKE ? AND s->>'state' <> 'MISSING'""", Long.class, prefix + "%");
        Long measurements = jdbc.queryForObject(
                "SELECT count(*) FROM stage_measurement WHERE order_id LIKE ? " + "AND stage_id <> 'end_to_end'",
                Long.class,
                prefix + "%");
        assertThat(measurements).isEqualTo(reached);
        assertThat(rollupsMatchMeasurements()).isTrue();
    }

    @Test
    @Order(2)
    void theFailingStageOfTheGroundTruthIsWhereTheErrorIsCounted() {
        Set<String> pricingErrors = ids(Outcome.PRICING_ERROR);
        List<Map<String, Object>> errors = jdbc.queryForList(
                "SELECT order_id, stage_id FROM stage_measurement "
                        + "WHERE order_id LIKE ? AND error AND stage_id <> 'end_to_end'",
                prefix + "%");
        assertThat(errors).extracting(row -> row.get("order_id")).containsExactlyInAnyOrderElementsOf(pricingErrors);
        assertThat(errors).extracting(row -> row.get("stage_id")).containsOnly("mes.price");
        Set<Object> failedEndToEnd = jdbc
                .queryForList(
                        "SELECT order_id FROM stage_measurement WHERE order_id LIKE ? "
                                + "AND error AND stage_id = 'end_to_end'",
                        Object.class,
                        prefix + "%")
                .stream()
                .collect(Collectors.toSet());
        assertThat(failedEndToEnd).isEqualTo(Set.copyOf(pricingErrors));
    }

    @Test
    @Order(3)
    @WithMockUser(roles = "ANALYST")
    void rollupPercentilesMatchExactPercentilesOfTheMeasurementsWithinTheStatedError() {
        AnalyticsRange range = new AnalyticsRange(truth.startedAt().minus(Duration.ofMinutes(10)), Instant.now());
        AnalyticsReport report = analytics.report(range);
        Resolution resolution = report.resolution();
        assertThat(resolution.rollup()).isEqualTo(Rollup.MINUTE);

        for (StageSeries series : report.current()) {
            if (series.total().total() == 0) {
                continue;
            }
            Map<String, Object> exact = jdbc.queryForMap(
                    """
                    SELECT count(*) AS orders, count(*) FILTER (WHERE error) AS errors,
                        percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_us) AS p50,
                        percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_us) AS p95,
                        percentile_disc(0.99) WITHIN GROUP (ORDER BY duration_us) AS p99
                    FROM stage_measurement WHERE stage_id = ? AND ended_at >= ? AND ended_at < ?""",
                    series.stageId(),
                    MeasurementWriter.timestamp(resolution.from()),
                    MeasurementWriter.timestamp(resolution.to()));
            assertThat(series.total().total())
                    .as(series.stageId())
                    .isEqualTo(((Number) exact.get("orders")).longValue());
            assertThat(series.total().errors())
                    .as(series.stageId())
                    .isEqualTo(((Number) exact.get("errors")).longValue());
            for (String p : List.of("p50", "p95", "p99")) {
                double expected = ((Number) exact.get(p)).doubleValue();
                double estimate = series.total()
                        .percentileMicros(Double.parseDouble("0." + p.substring(1)))
                        .orElseThrow();
                assertThat(estimate)
                        .as("%s %s", series.stageId(), p)
                        .isCloseTo(expected, within(expected * LogBuckets.RELATIVE_ERROR + 1e-9));
            }
        }
        // the generator's slow pricing (a 500 ms delay here) shows in the p95 of price calculation, not in its p50
        Histogram pricing = report.current("mes.price").orElseThrow().total();
        assertThat(pricing.percentileMicros(0.95).orElseThrow()).isGreaterThan(450_000);
        assertThat(pricing.percentileMicros(0.5).orElseThrow()).isLessThan(100_000);
    }

    @Test
    @Order(4)
    @WithMockUser(username = "ada", roles = "ADMIN")
    void reIndexingTheSameRangeDoesNotCountAnyOrderTwice() {
        List<Map<String, Object>> before = ours();

        long id = admin.requestBackfill(truth.startedAt().minusSeconds(5), Instant.now());
        // polled in this thread: the signed-in admin is this thread's
        await().atMost(LIMIT)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .until(() -> admin.backfills(10).stream()
                        .filter(request -> request.id() == id)
                        .anyMatch(BackfillRequest::finished));

        assertThat(ours()).isEqualTo(before);
        assertThat(rollupsMatchMeasurements()).isTrue();
    }

    @Test
    @Order(5)
    void aLateSpanReplacesTheStagesDurationAndMovesItInTheRollups() throws Exception {
        String orderId = ids(Outcome.OK).iterator().next();
        Map<String, Object> before = jdbc.queryForMap(
                "SELECT ended_at, duration_us FROM stage_measurement "
                        + "WHERE order_id = ? AND stage_id = 'mes.approve'",
                orderId);
        Instant lateEnd = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // a retried status change whose span reaches Jaeger only now: the stage ends with it
        OpenTelemetrySdk mes =
                Telemetry.create("mes", new TelemetrySettings(StackJaeger.BADGER.otlp(), SamplingMode.RATIO, 1.0));
        try {
            Span late = mes.getTracer("late")
                    .spanBuilder("status.change")
                    .setStartTimestamp(lateEnd.minusMillis(20).toEpochMilli(), TimeUnit.MILLISECONDS)
                    .setAttribute(AttributeKey.stringKey("order.id"), orderId)
                    .setAttribute(AttributeKey.stringKey("order.status"), "MANUFACTURING_APPROVED")
                    .startSpan();
            late.end(lateEnd.toEpochMilli(), TimeUnit.MILLISECONDS);
        } finally {
            Telemetry.flush(mes);
            mes.close();
        }

        await().atMost(LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                        "SELECT ended_at FROM stage_measurement WHERE order_id = ? AND stage_id = 'mes.approve'",
                                        java.time.OffsetDateTime.class,
                                        orderId)
                                .toInstant())
                        .isEqualTo(lateEnd));
        Map<String, Object> after = jdbc.queryForMap(
                "SELECT count(*) AS rows, max(duration_us) AS duration_us "
                        + "FROM stage_measurement WHERE order_id = ? AND stage_id = 'mes.approve'",
                orderId);
        assertThat(((Number) after.get("rows")).longValue()).isEqualTo(1);
        assertThat(((Number) after.get("duration_us")).longValue())
                .isGreaterThan(((Number) before.get("duration_us")).longValue());
        assertThat(rollupsMatchMeasurements()).isTrue();
        Long inLateMinute = jdbc.queryForObject(
                "SELECT counts[?] FROM stage_rollup_minute WHERE stage_id = 'mes.approve' " + "AND bucket_start = ?",
                Long.class,
                LogBuckets.bucketOf(((Number) after.get("duration_us")).longValue()),
                MeasurementWriter.timestamp(lateEnd.truncatedTo(ChronoUnit.MINUTES)));
        assertThat(inLateMinute)
                .as("the new duration's bucket in the minute the stage now ended")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(6)
    void journeysStoredBeforeMeasurementsWereKeptAreBackFilledWithTheSameRowsAndRollups() {
        List<Map<String, Object>> measurements = ours();
        List<Map<String, Object>> rollups = rollupCells();
        assertThat(rollups).isNotEmpty();

        // as before V14: journeys without measurements or rollups, and V18's row asking for them
        transactions.executeWithoutResult(status -> {
            jdbc.execute("TRUNCATE order_measurement, stage_drill_down");
            jdbc.execute("TRUNCATE stage_rollup_minute, stage_rollup_15m, stage_rollup_hour, stage_rollup_6h");
            jdbc.execute("DELETE FROM stage_measurement_backfill");
            jdbc.execute("INSERT INTO stage_measurement_backfill (first_seen_until) VALUES (now())");
        });
        await().atMost(LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.queryForObject(
                        "SELECT finished_at IS NOT NULL FROM stage_measurement_backfill", Boolean.class));

        assertThat(ours()).isEqualTo(measurements);
        assertThat(rollupCells()).isEqualTo(rollups);
        assertThat(rollupsMatchMeasurements()).isTrue();
        assertThat(jdbc.queryForObject("SELECT measured FROM stage_measurement_backfill", Long.class))
                .as("journeys measured by the back-fill")
                .isGreaterThanOrEqualTo(truth.orders().size());
    }

    @Test
    @Order(7)
    @WithMockUser(username = "ada", roles = "ADMIN")
    void theDrillDownListsTheSlowestAndFailedOrdersAnExactSortGives() {
        Instant from = truth.startedAt().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        // a chart bucket (on the minute edges) and a range off them
        for (Instant[] range :
                List.of(new Instant[] {from, to}, new Instant[] {from.plusSeconds(7), to.minusSeconds(7)})) {
            DrillDown drillDown = analytics.drillDown("mes.price", range[0], range[1]);
            assertThat(drillDown.slowest())
                    .extracting(OrderMeasurement::micros)
                    .as("slowest of %s .. %s", range[0], range[1])
                    .isNotEmpty()
                    .containsExactlyElementsOf(jdbc.queryForList(
                            "SELECT duration_us FROM stage_measurement WHERE stage_id = 'mes.price' AND ended_at >= ? "
                                    + "AND ended_at < ? ORDER BY duration_us DESC LIMIT 20",
                            Long.class,
                            MeasurementWriter.timestamp(range[0]),
                            MeasurementWriter.timestamp(range[1])));
            assertThat(drillDown.failed())
                    .extracting(OrderMeasurement::orderId)
                    .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                            "SELECT order_id FROM stage_measurement WHERE stage_id = 'mes.price' AND error AND ended_at >= ? "
                                    + "AND ended_at < ? ORDER BY ended_at DESC LIMIT 20",
                            String.class,
                            MeasurementWriter.timestamp(range[0]),
                            MeasurementWriter.timestamp(range[1])));
        }
    }

    @Test
    @Order(8)
    void theWarmUpHoldsTheRowsOfEveryPresetSoTheFirstReportReadsNoArrays() {
        AnalyticsQueries queries = new AnalyticsQueries(jdbc);
        new RollupWarmUp(queries, true, Clock.systemUTC()).warmUp();
        // the run's rows lie in every preset's range (the run began minutes ago); earlier runs' may be held too
        long runRows = 0;
        for (Rollup rollup : Rollup.values()) {
            runRows += jdbc.queryForObject(
                    "SELECT count(*) FROM " + rollup.table() + " WHERE bucket_start >= ?",
                    Long.class,
                    MeasurementWriter.timestamp(Resolution.floor(truth.startedAt(), rollup.width())));
        }
        long allRows = 0;
        for (Rollup rollup : Rollup.values()) {
            allRows += jdbc.queryForObject("SELECT count(*) FROM " + rollup.table(), Long.class);
        }
        assertThat(runRows).isPositive();
        assertThat((long) queries.heldRows()).isBetween(runRows, allRows);
    }

    // --- helpers ------------------------------------------------------------------------------------

    /** Measurements and their rollups agree, read in one statement (one snapshot) while the indexer runs. */
    private boolean rollupsMatchMeasurements() {
        for (String table :
                List.of("stage_rollup_minute", "stage_rollup_15m", "stage_rollup_hour", "stage_rollup_6h")) {
            assertThat(jdbc.queryForList("SELECT stage_id, bucket_start FROM " + table + " r WHERE orders <> "
                            + "(SELECT coalesce(sum(c), 0) FROM unnest(r.counts) c) OR EXISTS (SELECT FROM unnest(r.counts) c "
                            + "WHERE c < 0)"))
                    .as("%s rows whose histogram does not add up to their orders", table)
                    .isEmpty();
        }
        List<Map<String, Object>> rows = jdbc.queryForList(CONSISTENT);
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(number(row, "minute_orders")).as("minute orders %s", row).isEqualTo(number(row, "orders"));
            assertThat(number(row, "minute_errors")).as("minute errors %s", row).isEqualTo(number(row, "errors"));
            assertThat(number(row, "minute_sla_ok")).as("minute sla %s", row).isEqualTo(number(row, "sla_ok"));
            assertThat(number(row, "hour_orders")).as("hour orders %s", row).isEqualTo(number(row, "orders"));
            assertThat(number(row, "hour_errors")).as("hour errors %s", row).isEqualTo(number(row, "errors"));
            assertThat(number(row, "hour_sla_ok")).as("hour sla %s", row).isEqualTo(number(row, "sla_ok"));
            assertThat(number(row, "six_orders")).as("6-hour orders %s", row).isEqualTo(number(row, "orders"));
            assertThat(number(row, "six_errors")).as("6-hour errors %s", row).isEqualTo(number(row, "errors"));
            assertThat(number(row, "six_sla_ok")).as("6-hour sla %s", row).isEqualTo(number(row, "sla_ok"));
            assertThat(number(row, "quarter_orders"))
                    .as("15-min orders %s", row)
                    .isEqualTo(number(row, "orders"));
            assertThat(number(row, "quarter_errors"))
                    .as("15-min errors %s", row)
                    .isEqualTo(number(row, "errors"));
            assertThat(number(row, "quarter_sla_ok")).as("15-min sla %s", row).isEqualTo(number(row, "sla_ok"));
        });
        return true;
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Every rollup's non-zero cells from this run's start on: an array built up piece by piece may have other
     * bounds, NULLs or zeros than one written at once, with the same counts.
     */
    private List<Map<String, Object>> rollupCells() {
        StringBuilder sql = new StringBuilder();
        for (String table :
                List.of("stage_rollup_minute", "stage_rollup_15m", "stage_rollup_hour", "stage_rollup_6h")) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT '")
                    .append(table)
                    .append(
                            "' AS rollup, stage_id, bucket_start, orders, errors, sla_ok, array_lower(counts, 1) + o - 1 AS b, c FROM ")
                    .append(table)
                    .append(
                            ", unnest(counts) WITH ORDINALITY AS u(c, o) WHERE coalesce(c, 0) <> 0 AND bucket_start >= ")
                    .append("date_trunc('day', CAST('")
                    .append(truth.startedAt())
                    .append("' AS timestamptz))");
        }
        return jdbc.queryForList(sql.append(" ORDER BY 1, 2, 3, 7").toString());
    }

    private List<Map<String, Object>> ours() {
        return jdbc.queryForList(
                "SELECT order_id, stage_id, first_seen, ended_at, duration_us, bucket, error, sla_ok "
                        + "FROM stage_measurement WHERE order_id LIKE ? ORDER BY order_id, stage_id",
                prefix + "%");
    }

    private long measured(String stageId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM stage_measurement WHERE order_id LIKE ? AND stage_id = ?",
                Long.class,
                prefix + "%",
                stageId);
        return count == null ? 0 : count;
    }

    private Set<String> ids(Outcome outcome) {
        return truth.orders().stream()
                .filter(sent -> sent.order().outcome() == outcome)
                .map(sent -> sent.order().orderId())
                .collect(Collectors.toSet());
    }
}
