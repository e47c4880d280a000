package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads listed orders and tallies from {@code order_journey}. No access checks here: the secured
 * {@link LostOrdersService} is the way in for people, the alert evaluator uses this directly.
 */
@Repository
public class LostOrderQueries {

    private static final int EXPORT_FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    /** Fetches in batches: PostgreSQL then streams (inside the caller's transaction) instead of loading all rows. */
    private final NamedParameterJdbcTemplate streaming;

    LostOrderQueries(JdbcTemplate jdbcTemplate) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbcTemplate);
        JdbcTemplate batched = new JdbcTemplate(jdbcTemplate.getDataSource());
        batched.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(batched);
    }

    public List<OrderProblem> page(
            DetectionRules.Deadlines deadlines, ProblemFilter filter, ProblemSort sort, int offset, int limit) {
        ProblemQuery query = new ProblemQuery(deadlines, filter);
        String sql = query.page(sort, offset, limit);
        return jdbc.query(sql, query.params(), (rs, row) -> problem(rs, deadlines.now()));
    }

    public long count(DetectionRules.Deadlines deadlines, ProblemFilter filter) {
        ProblemQuery query = new ProblemQuery(deadlines, filter);
        String sql = query.count();
        Long count = jdbc.queryForObject(sql, query.params(), Long.class);
        return count == null ? 0 : count;
    }

    public List<ProblemCount> countByStageAndReason(DetectionRules.Deadlines deadlines, ProblemFilter filter) {
        ProblemQuery query = new ProblemQuery(deadlines, filter);
        String sql = query.countByStageAndReason();
        return jdbc.query(
                sql,
                query.params(),
                (rs, row) -> new ProblemCount(
                        rs.getString("last_stage"),
                        ProblemReason.valueOf(rs.getString("reason")),
                        rs.getLong("orders")));
    }

    /** Every listed order in list order, streamed row by row (for the CSV export). */
    public void forEach(
            DetectionRules.Deadlines deadlines,
            ProblemFilter filter,
            ProblemSort sort,
            Consumer<OrderProblem> consumer) {
        ProblemQuery query = new ProblemQuery(deadlines, filter);
        String sql = query.all(sort);
        streaming.query(sql, query.params(), (RowCallbackHandler) rs -> consumer.accept(problem(rs, deadlines.now())));
    }

    /**
     * How many orders first seen in {@code [from, to)} ended at each last stage, and at which stage they
     * had an error: the raw numbers behind sampling coverage and error rates.
     */
    public List<StageTally> stageTallies(Instant from, Instant to) {
        String sql = """
                SELECT last_stage, CASE WHEN has_error THEN error_stage END AS error_stage, count(*) AS orders
                FROM order_journey WHERE first_seen >= :from AND first_seen < :to
                GROUP BY 1, 2""";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", SqlTimes.timestamp(from))
                .addValue("to", SqlTimes.timestamp(to));
        return jdbc.query(
                sql,
                params,
                (rs, row) ->
                        new StageTally(rs.getString("last_stage"), rs.getString("error_stage"), rs.getLong("orders")));
    }

    /**
     * Per stage, how many of the (at most {@code sample}) most recent orders first seen in {@code [from, to)}
     * have spans of it, read from the stages of the stored journey.
     */
    public StageReach stageReach(Instant from, Instant to, int sample) {
        String sql = """
                WITH recent AS (
                    SELECT journey FROM order_journey WHERE first_seen >= :from AND first_seen < :to
                    ORDER BY first_seen DESC LIMIT :sample)
                SELECT s -> 'definition' ->> 'id' AS stage, count(*) AS orders
                FROM recent CROSS JOIN LATERAL jsonb_array_elements(recent.journey -> 'stages') s
                WHERE s ->> 'state' <> 'MISSING'
                GROUP BY 1
                UNION ALL
                SELECT NULL, count(*) FROM recent""";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", SqlTimes.timestamp(from))
                .addValue("to", SqlTimes.timestamp(to))
                .addValue("sample", sample);
        Map<String, Long> byStage = new HashMap<>();
        long[] orders = {0};
        jdbc.query(sql, params, (RowCallbackHandler) rs -> {
            if (rs.getString("stage") == null) {
                orders[0] = rs.getLong("orders");
            } else {
                byStage.put(rs.getString("stage"), rs.getLong("orders"));
            }
        });
        return new StageReach(orders[0], byStage);
    }

    /**
     * What {@link #stageReach} found.
     *
     * @param orders        orders examined
     * @param ordersByStage per stage id, orders with spans of it
     */
    public record StageReach(long orders, Map<String, Long> ordersByStage) {}

    /** Failed orders (optionally at one stage) whose last stage ended in {@code [since, until]}, oldest first. */
    public List<OrderSnapshot> failedBetween(String stage, Instant since, Instant until, int limit) {
        String sql = "SELECT * FROM order_journey WHERE outcome = 'FAILED'"
                + " AND COALESCE(last_stage_ended_at, first_seen) BETWEEN :since AND :until"
                + (stage == null ? "" : " AND last_stage = :stage")
                + " ORDER BY COALESCE(last_stage_ended_at, first_seen), order_id LIMIT :limit";
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("since", SqlTimes.timestamp(since))
                .addValue("until", SqlTimes.timestamp(until))
                .addValue("stage", stage)
                .addValue("limit", limit);
        return jdbc.query(sql, params, (rs, row) -> snapshot(rs));
    }

    /** Which of these orders are still failed. */
    public Set<String> stillFailed(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        String sql = "SELECT DISTINCT order_id FROM order_journey WHERE outcome = 'FAILED' AND order_id IN (:ids)";
        return new HashSet<>(jdbc.queryForList(sql, new MapSqlParameterSource("ids", orderIds), String.class));
    }

    private static OrderProblem problem(ResultSet rs, Instant now) throws SQLException {
        OrderSnapshot order = snapshot(rs);
        return new OrderProblem(
                order, ProblemReason.valueOf(rs.getString("reason")), Duration.between(order.lastMovedAt(), now));
    }

    private static OrderSnapshot snapshot(ResultSet rs) throws SQLException {
        return new OrderSnapshot(
                rs.getString("order_id"),
                SqlTimes.instant(rs, "first_seen"),
                rs.getString("last_stage"),
                SqlTimes.instant(rs, "last_stage_ended_at"),
                JourneyOutcome.valueOf(rs.getString("outcome")),
                rs.getString("current_status"),
                rs.getString("error_stage"),
                rs.getString("error_message"));
    }
}
