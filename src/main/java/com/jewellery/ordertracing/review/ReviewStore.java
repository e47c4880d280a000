package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.incidents.domain.IncidentKeys;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The reviews, their commentary, and the two reads no service offers per week (outcomes, fingerprints). */
@Component
class ReviewStore {

    /** First key of the advisory lock a week's generation holds (the second is the week). */
    private static final int LOCK_CLASS = 1613;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ReviewStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Held to the end of the transaction: one generation of a week at a time, across portal instances. */
    void lockWeek(IsoWeek week) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> {}, LOCK_CLASS, week.year() * 100 + week.week());
    }

    int latestVersion(IsoWeek week) {
        Integer version = jdbc.queryForObject(
                "SELECT max(version) FROM weekly_review WHERE week = ?", Integer.class, week.toString());
        return version == null ? 0 : version;
    }

    void insert(ReviewFigures figures, int version, Instant at, String by) {
        jdbc.update(
                "INSERT INTO weekly_review (week, version, zone, period_from, period_to, has_data, figures, "
                        + "generated_at, generated_by) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)",
                figures.week(),
                version,
                figures.zone(),
                Timestamp.from(figures.from()),
                Timestamp.from(figures.to()),
                figures.hasData(),
                json.writeValueAsString(figures),
                Timestamp.from(at),
                by);
    }

    Optional<StoredReview> find(String week, int version) {
        return jdbc
                .query(
                        "SELECT week, version, generated_at, generated_by, figures::text AS figures FROM weekly_review "
                                + "WHERE week = ? AND version = ?",
                        (rs, row) -> review(rs),
                        week,
                        version)
                .stream()
                .findFirst();
    }

    List<Integer> versions(String week) {
        return jdbc.queryForList(
                "SELECT version FROM weekly_review WHERE week = ? ORDER BY version", Integer.class, week);
    }

    List<ReviewListItem> list(int limit) {
        return jdbc.query(
                "SELECT DISTINCT ON (week) week, version, generated_at, generated_by, has_data FROM weekly_review "
                        + "ORDER BY week DESC, version DESC LIMIT ?",
                (rs, row) -> new ReviewListItem(
                        rs.getString("week"),
                        rs.getInt("version"),
                        rs.getTimestamp("generated_at").toInstant(),
                        rs.getString("generated_by"),
                        rs.getBoolean("has_data")),
                limit);
    }

    List<ReviewComment> comments(String week) {
        return jdbc.query("SELECT * FROM weekly_review_comment WHERE week = ?", (rs, row) -> comment(rs), week);
    }

    Optional<ReviewComment> comment(String week, ReviewSection section) {
        return jdbc
                .query(
                        "SELECT * FROM weekly_review_comment WHERE week = ? AND section = ?",
                        (rs, row) -> comment(rs),
                        week,
                        section.name())
                .stream()
                .findFirst();
    }

    /** @return false when the section was saved by someone else since {@code expectedVersion} */
    boolean saveComment(String week, ReviewSection section, String text, long expectedVersion, Instant at, String by) {
        if (expectedVersion == 0) {
            return jdbc.update(
                            "INSERT INTO weekly_review_comment (week, section, text, version, updated_at, updated_by) "
                                    + "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT DO NOTHING",
                            week,
                            section.name(),
                            text,
                            Timestamp.from(at),
                            by)
                    == 1;
        }
        return jdbc.update(
                        "UPDATE weekly_review_comment SET text = ?, version = version + 1, updated_at = ?, "
                                + "updated_by = ? WHERE week = ? AND section = ? AND version = ?",
                        text,
                        Timestamp.from(at),
                        by,
                        week,
                        section.name(),
                        expectedVersion)
                == 1;
    }

    /** Orders first seen in [from, to) by outcome. */
    Map<String, Long> outcomes(Instant from, Instant to) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(
                "SELECT outcome, count(*) AS orders FROM order_journey WHERE first_seen >= ? AND first_seen < ? "
                        + "GROUP BY outcome",
                rs -> {
                    counts.put(rs.getString("outcome"), rs.getLong("orders"));
                },
                Timestamp.from(from),
                Timestamp.from(to));
        return counts;
    }

    /** Failure fingerprints of orders failed in [from, to), most orders first, with the incidents owning them. */
    List<ReviewFigures.FailureRow> failures(Instant from, Instant to, int limit) {
        return jdbc.query(
                """
                SELECT f.fingerprint, min(f.stage) AS stage, min(f.summary) AS summary, count(*) AS orders,
                       (SELECT string_agg(i.incident_id::text, ',' ORDER BY i.incident_id) FROM incident_fingerprint i
                        WHERE i.fingerprint = f.fingerprint) AS incidents
                FROM failure_fingerprint f WHERE f.failed_at >= ? AND f.failed_at < ?
                GROUP BY f.fingerprint ORDER BY orders DESC, f.fingerprint LIMIT ?""",
                (rs, row) -> new ReviewFigures.FailureRow(
                        rs.getString("fingerprint"),
                        rs.getString("stage"),
                        rs.getString("summary"),
                        rs.getLong("orders"),
                        incidentKeys(rs.getString("incidents"))),
                Timestamp.from(from),
                Timestamp.from(to),
                limit);
    }

    private static List<String> incidentKeys(String ids) {
        return ids == null
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(id -> IncidentKeys.of(Long.parseLong(id)))
                        .toList();
    }

    private StoredReview review(ResultSet rs) throws SQLException {
        return new StoredReview(
                rs.getString("week"),
                rs.getInt("version"),
                rs.getTimestamp("generated_at").toInstant(),
                rs.getString("generated_by"),
                json.readValue(rs.getString("figures"), ReviewFigures.class));
    }

    private static ReviewComment comment(ResultSet rs) throws SQLException {
        return new ReviewComment(
                rs.getString("week"),
                ReviewSection.valueOf(rs.getString("section")),
                rs.getString("text"),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
