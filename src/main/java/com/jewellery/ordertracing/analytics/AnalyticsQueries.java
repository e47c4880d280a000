package com.jewellery.ordertracing.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The analytics reads: histograms per stage and time bucket summed from a rollup, and the orders of one
 * bucket from the measurements.
 */
public final class AnalyticsQueries {

    private static final RowMapper<OrderMeasurement> ORDER = (rs, row) -> new OrderMeasurement(
            rs.getString("order_id"),
            MeasurementWriter.instant(rs, "ended_at"),
            rs.getLong("duration_us"),
            rs.getBoolean("error"),
            rs.getBoolean("sla_ok"));

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
        // the arrays as they are, read as bytes: the driver receives them in binary once the statement is prepared
        // on the server (from its fifth use on a connection), and neither side then formats or parses numbers
        jdbc.query(
                "SELECT stage_id, date_bin(CAST(? AS interval), bucket_start, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t, "
                        + "counts, errors, sla_ok FROM " + rollup.table()
                        + " WHERE bucket_start >= ? AND bucket_start < ?",
                rs -> {
                    byStage.computeIfAbsent(rs.getString("stage_id"), stage -> new HashMap<>())
                            .computeIfAbsent(MeasurementWriter.instant(rs, "t"), start -> new Histogram())
                            .addRow(rs.getBytes("counts"), rs.getLong("errors"), rs.getLong("sla_ok"));
                },
                step.toSeconds() + " seconds",
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to));
        return byStage;
    }

    /** One stage's histogram over [from, to), from the coarsest rollup that tiles it ({@link Rollup#tiling}). */
    public Histogram histogram(String stageId, Instant from, Instant to) {
        Rollup rollup = Rollup.tiling(from, to);
        Histogram histogram = new Histogram();
        jdbc.query(
                "SELECT counts, errors, sla_ok FROM " + rollup.table()
                        + " WHERE stage_id = ? AND bucket_start >= ? AND bucket_start < ?",
                rs -> {
                    histogram.addRow(rs.getBytes("counts"), rs.getLong("errors"), rs.getLong("sla_ok"));
                },
                stageId,
                MeasurementWriter.timestamp(Resolution.floor(from, rollup.width())),
                MeasurementWriter.timestamp(Resolution.ceil(to, rollup.width())));
        return histogram;
    }

    /**
     * The slowest measurements of a stage that ended in [from, to), or only the failed ones (most recent
     * first). A stage never ends before its order's first span, so partitions of orders first seen after
     * {@code to} are skipped (with a day's slack: a row keeps the first_seen of its first insert).
     *
     * <p>The slowest are fetched from the duration buckets the rollup says they lie in: the highest buckets that
     * hold {@code limit} orders, each a short range of {@code (stage_id, bucket, ended_at)}, so a 6-hour bucket
     * costs what a minute does. Should the rollup's rows cover more than the range (a range off the minute
     * edges), those buckets may hold fewer than {@code limit} of the range's orders; then every non-empty bucket
     * is read.
     */
    public List<OrderMeasurement> orders(String stageId, Instant from, Instant to, boolean failedOnly, int limit) {
        if (failedOnly) {
            return jdbc.query(
                    "SELECT order_id, ended_at, duration_us, error, sla_ok FROM stage_measurement WHERE stage_id = ? "
                            + "AND error AND ended_at >= ? AND ended_at < ? AND first_seen < ? ORDER BY ended_at DESC LIMIT ?",
                    ORDER,
                    stageId,
                    MeasurementWriter.timestamp(from),
                    MeasurementWriter.timestamp(to),
                    MeasurementWriter.timestamp(to.plus(Duration.ofDays(1))),
                    limit);
        }
        Histogram histogram = histogram(stageId, from, to);
        int[] highest = histogram.highestBuckets(limit);
        List<OrderMeasurement> slowest = slowest(stageId, from, to, highest, limit);
        int[] all = histogram.nonEmptyBuckets();
        return slowest.size() < limit && all.length > highest.length ? slowest(stageId, from, to, all, limit) : slowest;
    }

    private List<OrderMeasurement> slowest(String stageId, Instant from, Instant to, int[] buckets, int limit) {
        if (buckets.length == 0) {
            return List.of();
        }
        String literal = Arrays.stream(buckets).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
        return jdbc.query(
                "SELECT order_id, ended_at, duration_us, error, sla_ok FROM stage_measurement WHERE stage_id = ? "
                        + "AND bucket = ANY (CAST(? AS smallint[])) AND ended_at >= ? AND ended_at < ? AND first_seen < ? "
                        + "ORDER BY duration_us DESC LIMIT ?",
                ORDER,
                stageId,
                literal,
                MeasurementWriter.timestamp(from),
                MeasurementWriter.timestamp(to),
                MeasurementWriter.timestamp(to.plus(Duration.ofDays(1))),
                limit);
    }
}
