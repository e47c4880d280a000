package com.jewellery.ordertracing.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics reads: histograms per stage and time bucket summed from a rollup, and the orders of one
 * bucket from the measurements.
 */
public final class AnalyticsQueries {

    private final JdbcTemplate jdbc;

    public AnalyticsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every stage's histogram per bucket of {@code step} in [from, to); buckets aligned to the step since
     * the epoch, as {@link Resolution} aligns them.
     *
     * @return by stage id, by bucket start
     */
    public Map<String, Map<Instant, Histogram>> histograms(Rollup rollup, Instant from, Instant to, Duration step) {
        Map<String, Map<Instant, Histogram>> byStage = new HashMap<>();
        // rows as they are, summed here: a month of all stages is a few thousand rows, and array text is cheap to read
        jdbc.query(
                "SELECT stage_id, date_bin(CAST(? AS interval), bucket_start, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t, "
                        + "array_lower(counts, 1) AS first, array_to_string(counts, ',', '0') AS counts, errors, sla_ok FROM "
                        + rollup.table() + " WHERE bucket_start >= ? AND bucket_start < ?",
                rs -> {
                    byStage.computeIfAbsent(rs.getString("stage_id"), stage -> new HashMap<>())
                            .computeIfAbsent(MeasurementWriter.instant(rs, "t"), start -> new Histogram())
                            .addRow(
                                    rs.getInt("first"),
                                    rs.getString("counts"),
                                    rs.getLong("errors"),
                                    rs.getLong("sla_ok"));
                },
                step.toSeconds() + " seconds",
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to));
        return byStage;
    }

    /**
     * The slowest measurements of a stage that ended in [from, to), or only the failed ones (most recent
     * first). A stage never ends before its order's first span, so partitions of orders first seen after
     * {@code to} are skipped (with a day's slack: a row keeps the first_seen of its first insert).
     */
    public List<OrderMeasurement> orders(String stageId, Instant from, Instant to, boolean failedOnly, int limit) {
        String order = failedOnly ? " AND error ORDER BY ended_at DESC" : " ORDER BY duration_us DESC";
        return jdbc.query(
                "SELECT order_id, ended_at, duration_us, error, sla_ok FROM stage_measurement "
                        + "WHERE stage_id = ? AND ended_at >= ? AND ended_at < ? AND first_seen < ?" + order
                        + " LIMIT ?",
                (rs, row) -> new OrderMeasurement(
                        rs.getString("order_id"),
                        MeasurementWriter.instant(rs, "ended_at"),
                        rs.getLong("duration_us"),
                        rs.getBoolean("error"),
                        rs.getBoolean("sla_ok")),
                stageId,
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to),
                MeasurementWriter.timestamp(to.plus(Duration.ofDays(1))),
                limit);
    }
}
