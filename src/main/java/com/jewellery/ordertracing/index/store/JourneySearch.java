package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.base.jdbc.LikePatterns;
import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The recent-orders grid's queries over {@code order_journey}: filtered, newest first, a page at a time. */
final class JourneySearch {

    private static final String COLUMNS = """
            order_id, first_seen, last_seen, last_stage, last_stage_ended_at, current_status, outcome,
            has_error, error_stage, error_message, trace_ids, indexed_at""";
    private static final RowMapper<JourneySummary> SUMMARY = (rs, row) -> new JourneySummary(
            rs.getString("order_id"),
            SqlTimes.instant(rs, "first_seen"),
            SqlTimes.instant(rs, "last_seen"),
            rs.getString("last_stage"),
            SqlTimes.instant(rs, "last_stage_ended_at"),
            rs.getString("current_status"),
            JourneyOutcome.valueOf(rs.getString("outcome")),
            rs.getBoolean("has_error"),
            rs.getString("error_stage"),
            rs.getString("error_message"),
            Arrays.asList((String[]) rs.getArray("trace_ids").getArray()),
            SqlTimes.instant(rs, "indexed_at"));

    private final NamedParameterJdbcTemplate jdbc;

    JourneySearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<JourneySummary> page(JourneyFilter filter, int offset, int limit) {
        Where where = where(filter);
        where.parameters.addValue("offset", offset).addValue("limit", limit);
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM order_journey" + where.sql
                        + " ORDER BY first_seen DESC, order_id LIMIT :limit OFFSET :offset",
                where.parameters,
                SUMMARY);
    }

    long count(JourneyFilter filter) {
        Where where = where(filter);
        Long count =
                jdbc.queryForObject("SELECT count(*) FROM order_journey" + where.sql, where.parameters, Long.class);
        return count == null ? 0 : count;
    }

    private static Where where(JourneyFilter filter) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (filter.orderIdPrefix() != null && !filter.orderIdPrefix().isBlank()) {
            conditions.add("order_id LIKE :prefix ESCAPE '\\'");
            parameters.addValue(
                    "prefix", LikePatterns.prefix(filter.orderIdPrefix().strip()));
        }
        if (filter.outcome() != null) {
            conditions.add("outcome = :outcome");
            parameters.addValue("outcome", filter.outcome().name());
        }
        if (filter.currentStatus() != null) {
            conditions.add("current_status = :status");
            parameters.addValue("status", filter.currentStatus());
        }
        if (filter.lastStage() != null) {
            conditions.add("last_stage = :stage");
            parameters.addValue("stage", filter.lastStage());
        }
        if (filter.from() != null) {
            conditions.add("first_seen >= :from");
            parameters.addValue("from", SqlTimes.timestamp(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("first_seen < :to");
            parameters.addValue("to", SqlTimes.timestamp(filter.to()));
        }
        if (filter.errorsOnly()) {
            conditions.add("has_error");
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    private record Where(String sql, MapSqlParameterSource parameters) {}
}
