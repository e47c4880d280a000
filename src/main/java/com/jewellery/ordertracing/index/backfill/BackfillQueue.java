package com.jewellery.ordertracing.index.backfill;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code indexer_backfill} table: requested re-reads and how far each has got. */
final class BackfillQueue {

    private static final RowMapper<BackfillRequest> REQUEST = (rs, row) -> new BackfillRequest(
            rs.getLong("id"),
            SqlTimes.instant(rs, "range_from"),
            SqlTimes.instant(rs, "range_to"),
            SqlTimes.instant(rs, "done_until"),
            rs.getString("requested_by"),
            SqlTimes.instant(rs, "requested_at"),
            SqlTimes.instant(rs, "finished_at"));

    private final JdbcTemplate jdbc;

    BackfillQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long request(Instant from, Instant to, String requestedBy, Instant now) {
        Long id = jdbc.queryForObject(
                """
                INSERT INTO indexer_backfill (range_from, range_to, done_until, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id""",
                Long.class,
                SqlTimes.timestamp(from),
                SqlTimes.timestamp(to),
                SqlTimes.timestamp(from),
                requestedBy,
                SqlTimes.timestamp(now));
        return id == null ? -1 : id;
    }

    boolean exists(Instant from, Instant to) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM indexer_backfill WHERE range_from = ? AND range_to = ?)",
                Boolean.class,
                SqlTimes.timestamp(from),
                SqlTimes.timestamp(to)));
    }

    /** Unfinished requests, oldest first. */
    List<BackfillRequest> pending() {
        return jdbc.query("SELECT * FROM indexer_backfill WHERE finished_at IS NULL ORDER BY id", REQUEST);
    }

    /** The latest requests, newest first. */
    List<BackfillRequest> latest(int limit) {
        return jdbc.query("SELECT * FROM indexer_backfill ORDER BY id DESC LIMIT ?", REQUEST, limit);
    }

    void progress(BackfillRequest request, Instant doneUntil, Instant now) {
        Instant finished = doneUntil.equals(request.to()) ? now : null;
        jdbc.update(
                "UPDATE indexer_backfill SET done_until = ?, finished_at = ? WHERE id = ?",
                SqlTimes.timestamp(doneUntil),
                SqlTimes.timestamp(finished),
                request.id());
    }
}
