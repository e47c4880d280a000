package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.api.FailureSuggestion;
import com.jewellery.ordertracing.incidents.api.LinkVia;
import com.jewellery.ordertracing.incidents.api.LinkedOrder;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.lookup.OrderIds;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The set-shaped parts of incidents in plain SQL: linked orders, owned fingerprints, the fingerprints of seen
 * failures and the matcher's cursor. Bulk attaches are one statement with {@code ON CONFLICT DO NOTHING}, so
 * an order attached twice (by a person and by the rule, or by two matcher runs) is attached once.
 * A page of orders reads each one's current outcome from the index's {@code order_journey} (order_id,
 * outcome, last_stage, first_seen) in the same query. The counts by outcome read {@code incident_order.outcome}
 * instead: the indexer keeps it current ({@link LinkedOutcomes}), so counting 20,000 orders reads one index.
 */
@Repository
class IncidentLinks {

    private final NamedParameterJdbcTemplate jdbc;

    IncidentLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- orders of incidents

    /** @return the ids that were not attached yet, in the given order */
    List<String> attach(
            long incidentId, Collection<String> orderIds, Instant at, String by, LinkVia via, boolean announced) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        List<String> inserted = jdbc.queryForList(
                """
                INSERT INTO incident_order (incident_id, order_id, attached_at, attached_by, via, announced, outcome)
                SELECT :incident, id, :at, :by, :via, :announced,
                       (SELECT outcome FROM order_journey oj WHERE oj.order_id = id ORDER BY first_seen LIMIT 1)
                FROM unnest(CAST(:ids AS varchar[])) AS id
                ON CONFLICT DO NOTHING RETURNING order_id""",
                new MapSqlParameterSource("incident", incidentId)
                        .addValue("at", timestamp(at))
                        .addValue("by", by)
                        .addValue("via", via.name())
                        .addValue("announced", announced)
                        .addValue("ids", orderIds.toArray(String[]::new)),
                String.class);
        Set<String> fresh = new HashSet<>(inserted);
        return orderIds.stream().filter(fresh::contains).distinct().toList();
    }

    boolean detach(long incidentId, String orderId) {
        return jdbc.update(
                        "DELETE FROM incident_order WHERE incident_id = :incident AND order_id = :order",
                        new MapSqlParameterSource("incident", incidentId).addValue("order", orderId))
                > 0;
    }

    /** Copies the orders of one incident to another (a merge); returns how many the target did not have. */
    int copyOrders(long fromId, long toId, Instant at, String by) {
        return jdbc.update(
                """
                INSERT INTO incident_order (incident_id, order_id, attached_at, attached_by, via, announced, outcome)
                SELECT :to, order_id, :at, :by, 'MERGE', TRUE, outcome FROM incident_order WHERE incident_id = :from
                ON CONFLICT DO NOTHING""",
                new MapSqlParameterSource("from", fromId)
                        .addValue("to", toId)
                        .addValue("at", timestamp(at))
                        .addValue("by", by));
    }

    List<LinkedOrder> orders(long incidentId, int offset, int limit) {
        // the page first (an index scan), then the index's outcome of only those orders
        return jdbc.query(
                """
                SELECT p.order_id, p.attached_at, p.attached_by, p.via, j.outcome, j.last_stage
                FROM (SELECT order_id, attached_at, attached_by, via FROM incident_order WHERE incident_id = :incident
                      ORDER BY attached_at DESC, order_id LIMIT :limit OFFSET :offset) p
                LEFT JOIN LATERAL (SELECT outcome, last_stage FROM order_journey oj WHERE oj.order_id = p.order_id
                                   ORDER BY first_seen LIMIT 1) j ON TRUE
                ORDER BY p.attached_at DESC, p.order_id""",
                new MapSqlParameterSource("incident", incidentId)
                        .addValue("limit", limit)
                        .addValue("offset", offset),
                (rs, row) -> new LinkedOrder(
                        rs.getString("order_id"),
                        instant(rs, "attached_at"),
                        rs.getString("attached_by"),
                        LinkVia.valueOf(rs.getString("via")),
                        rs.getString("outcome") == null ? null : JourneyOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("last_stage")));
    }

    long countOrders(long incidentId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM incident_order WHERE incident_id = :incident",
                Map.of("incident", incidentId),
                Long.class);
        return count == null ? 0 : count;
    }

    Map<Long, Long> countOrders(Collection<Long> incidentIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return counts;
        }
        jdbc.query(
                "SELECT incident_id, count(*) AS n FROM incident_order WHERE incident_id IN (:ids) GROUP BY incident_id",
                Map.of("ids", incidentIds),
                rs -> {
                    counts.put(rs.getLong("incident_id"), rs.getLong("n"));
                });
        return counts;
    }

    /** Current outcome → number of orders; orders the index has not seen count under null. */
    Map<JourneyOutcome, Long> outcomeCounts(long incidentId) {
        Map<JourneyOutcome, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT outcome, count(*) AS n FROM incident_order WHERE incident_id = :incident GROUP BY outcome",
                Map.of("incident", incidentId),
                rs -> {
                    String outcome = rs.getString("outcome");
                    counts.put(outcome == null ? null : JourneyOutcome.valueOf(outcome), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Sets the outcome of every link to these orders to theirs; called by the indexer's transaction that
     * wrote the journeys. Links that already hold it are not written.
     *
     * @return how many links changed
     */
    int updateOutcomes(List<String> orderIds, List<String> outcomes) {
        if (orderIds.isEmpty()) {
            return 0;
        }
        return jdbc.update(
                """
                UPDATE incident_order io SET outcome = v.outcome
                FROM unnest(CAST(:ids AS varchar[]), CAST(:outcomes AS varchar[])) AS v (order_id, outcome)
                WHERE io.order_id = v.order_id AND io.outcome IS DISTINCT FROM v.outcome""",
                new MapSqlParameterSource("ids", orderIds.toArray(String[]::new))
                        .addValue("outcomes", outcomes.toArray(String[]::new)));
    }

    /**
     * Re-reads the outcome of links made since then. A link made while the indexer wrote the same order in
     * another transaction read the outcome from before that commit, and the indexer's update did not see the
     * uncommitted link: this brings such a link up to date a matcher run later.
     */
    int refreshOutcomesSince(Instant since) {
        return jdbc.update("""
                UPDATE incident_order io SET outcome = j.outcome
                FROM (SELECT DISTINCT ON (oj.order_id) oj.order_id, oj.outcome FROM order_journey oj
                      WHERE oj.order_id IN (SELECT order_id FROM incident_order WHERE attached_at >= :since)
                      ORDER BY oj.order_id, oj.first_seen) j
                WHERE io.attached_at >= :since AND io.order_id = j.order_id
                  AND io.outcome IS DISTINCT FROM j.outcome""", Map.of("since", timestamp(since)));
    }

    List<Long> incidentsOfOrder(String orderId) {
        return jdbc.queryForList(
                "SELECT incident_id FROM incident_order WHERE order_id = :order ORDER BY incident_id",
                Map.of("order", orderId),
                Long.class);
    }

    // --- fingerprints owned by incidents

    boolean own(long incidentId, String fingerprint, String stage, String summary, Instant at, String by) {
        return jdbc.update(
                        """
                INSERT INTO incident_fingerprint (incident_id, fingerprint, stage, summary, added_at, added_by)
                VALUES (:incident, :fp, :stage, :summary, :at, :by) ON CONFLICT DO NOTHING""",
                        new MapSqlParameterSource("incident", incidentId)
                                .addValue("fp", fingerprint)
                                .addValue("stage", stage)
                                .addValue("summary", summary)
                                .addValue("at", timestamp(at))
                                .addValue("by", by))
                > 0;
    }

    List<String> summariesOwnedBy(long incidentId) {
        return jdbc.queryForList(
                "SELECT summary FROM incident_fingerprint WHERE incident_id = :incident ORDER BY added_at",
                Map.of("incident", incidentId),
                String.class);
    }

    List<String> fingerprintsOwnedBy(long incidentId) {
        return jdbc.queryForList(
                "SELECT fingerprint FROM incident_fingerprint WHERE incident_id = :incident",
                Map.of("incident", incidentId),
                String.class);
    }

    /** Merging hands the fingerprints to the surviving incident, so new failures go there. */
    void moveFingerprints(long fromId, long toId) {
        MapSqlParameterSource params = new MapSqlParameterSource("from", fromId).addValue("to", toId);
        jdbc.update("""
                INSERT INTO incident_fingerprint (incident_id, fingerprint, stage, summary, added_at, added_by)
                SELECT :to, fingerprint, stage, summary, added_at, added_by FROM incident_fingerprint
                WHERE incident_id = :from ON CONFLICT DO NOTHING""", params);
        jdbc.update("DELETE FROM incident_fingerprint WHERE incident_id = :from", params);
    }

    /** Fingerprint → the incidents owning it. */
    Map<String, List<Long>> owners(Collection<String> fingerprints) {
        Map<String, List<Long>> owners = new HashMap<>();
        if (fingerprints.isEmpty()) {
            return owners;
        }
        jdbc.query(
                "SELECT fingerprint, incident_id FROM incident_fingerprint WHERE fingerprint IN (:fps)",
                Map.of("fps", fingerprints),
                rs -> {
                    owners.computeIfAbsent(rs.getString("fingerprint"), key -> new ArrayList<>())
                            .add(rs.getLong("incident_id"));
                });
        return owners;
    }

    // --- fingerprints of failures seen by the matcher

    record Failure(String orderId, String fingerprint, String stage, String summary, Instant failedAt) {}

    /**
     * One statement for the whole window (was one INSERT per failure, which dominated a matcher run).
     *
     * @return the failures not recorded before (an order's first failure fingerprint stays), in the given order
     */
    List<Failure> recordFailures(List<Failure> failures, Instant seenAt) {
        if (failures.isEmpty()) {
            return List.of();
        }
        Set<String> inserted = new HashSet<>(jdbc.queryForList(
                """
                INSERT INTO failure_fingerprint (order_id, fingerprint, stage, summary, failed_at, seen_at)
                SELECT f.order_id, f.fingerprint, f.stage, f.summary, f.failed_at, :seenAt
                FROM unnest(CAST(:orders AS varchar[]), CAST(:fps AS varchar[]), CAST(:stages AS varchar[]),
                            CAST(:summaries AS varchar[]), CAST(:failedAts AS timestamptz[]))
                     AS f(order_id, fingerprint, stage, summary, failed_at)
                ON CONFLICT DO NOTHING RETURNING order_id""",
                new MapSqlParameterSource("orders", column(failures, Failure::orderId))
                        .addValue("fps", column(failures, Failure::fingerprint))
                        .addValue("stages", column(failures, Failure::stage))
                        .addValue("summaries", column(failures, Failure::summary))
                        .addValue(
                                "failedAts",
                                column(failures, failure -> failure.failedAt().toString()))
                        .addValue("seenAt", timestamp(seenAt)),
                String.class));
        Set<String> taken = new HashSet<>();
        return failures.stream()
                .filter(failure -> inserted.contains(failure.orderId()) && taken.add(failure.orderId()))
                .toList();
    }

    private static String[] column(List<Failure> failures, Function<Failure, String> field) {
        return failures.stream().map(field).toArray(String[]::new);
    }

    /**
     * The ids as the index has them: one that names no indexed order while its {@link OrderIds#upperCase} form
     * does becomes that order's id, as the lookup finds it; any other id stays as typed.
     */
    List<String> asIndexed(List<String> typed) {
        if (typed.isEmpty()) {
            return typed;
        }
        Set<String> candidates = new HashSet<>(typed);
        typed.forEach(id -> candidates.add(OrderIds.upperCase(id)));
        Set<String> indexed = new HashSet<>(jdbc.queryForList(
                "SELECT order_id FROM order_journey WHERE order_id IN (:ids)",
                Map.of("ids", candidates),
                String.class));
        return typed.stream()
                .map(id -> {
                    String upper = OrderIds.upperCase(id);
                    return !indexed.contains(id) && indexed.contains(upper) ? upper : id;
                })
                .distinct()
                .toList();
    }

    Set<String> knownFailures(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "SELECT order_id FROM failure_fingerprint WHERE order_id IN (:ids)",
                Map.of("ids", orderIds),
                String.class));
    }

    Optional<Failure> failureOf(String orderId) {
        return jdbc
                .query(
                        "SELECT * FROM failure_fingerprint WHERE order_id = :order",
                        Map.of("order", orderId),
                        (rs, row) -> failure(rs))
                .stream()
                .findFirst();
    }

    List<Failure> failuresWith(String fingerprint, Instant since, int limit) {
        return jdbc.query(
                """
                SELECT * FROM failure_fingerprint WHERE fingerprint = :fp AND failed_at >= :since
                ORDER BY failed_at LIMIT :limit""",
                new MapSqlParameterSource("fp", fingerprint)
                        .addValue("since", timestamp(since))
                        .addValue("limit", limit),
                (rs, row) -> failure(rs));
    }

    /** Fingerprints with at least {@code minOrders} failures since then that no live incident owns, most first. */
    List<FailureSuggestion> unowned(Instant since, int minOrders, int limit) {
        return jdbc.query(
                """
                SELECT f.fingerprint, min(f.stage) AS stage, min(f.summary) AS summary, count(*) AS orders,
                       min(f.failed_at) AS first_failed, (array_agg(f.order_id ORDER BY f.failed_at))[1] AS sample
                FROM failure_fingerprint f
                WHERE f.failed_at >= :since AND NOT EXISTS (
                    SELECT 1 FROM incident_fingerprint o JOIN incident i ON i.id = o.incident_id
                    WHERE o.fingerprint = f.fingerprint AND i.status IN ('TRIAGE', 'INVESTIGATING', 'MITIGATED', 'RESOLVED'))
                GROUP BY f.fingerprint HAVING count(*) >= :min
                ORDER BY count(*) DESC, min(f.failed_at) LIMIT :limit""",
                new MapSqlParameterSource("since", timestamp(since))
                        .addValue("min", minOrders)
                        .addValue("limit", limit),
                (rs, row) -> new FailureSuggestion(
                        rs.getString("fingerprint"),
                        rs.getString("stage"),
                        rs.getString("summary"),
                        rs.getLong("orders"),
                        instant(rs, "first_failed"),
                        rs.getString("sample")));
    }

    // --- the matcher

    boolean tryLockMatcher() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(13013)", Map.of(), Boolean.class));
    }

    Optional<Instant> cursor() {
        return jdbc
                .query(
                        "SELECT read_until FROM incident_matcher_cursor WHERE id = 1",
                        Map.of(),
                        (rs, row) -> instant(rs, "read_until"))
                .stream()
                .findFirst();
    }

    void moveCursor(Instant to) {
        jdbc.update("""
                INSERT INTO incident_matcher_cursor (id, read_until) VALUES (1, :to)
                ON CONFLICT (id) DO UPDATE SET read_until = :to""", Map.of("to", timestamp(to)));
    }

    /** Rule-attached orders not yet on the timeline, per incident. */
    record Unannounced(long incidentId, Instant firstAttachedAt, List<String> orderIds) {}

    List<Unannounced> unannounced() {
        return jdbc.query(
                """
                SELECT incident_id, min(attached_at) AS first_at, array_agg(order_id ORDER BY attached_at, order_id) AS ids
                FROM incident_order WHERE NOT announced GROUP BY incident_id ORDER BY incident_id""",
                Map.of(),
                (rs, row) -> new Unannounced(
                        rs.getLong("incident_id"), instant(rs, "first_at"), strings(rs.getArray("ids"))));
    }

    void markAnnounced(long incidentId, Collection<String> orderIds) {
        jdbc.update(
                "UPDATE incident_order SET announced = TRUE WHERE incident_id = :incident AND order_id IN (:ids)",
                new MapSqlParameterSource("incident", incidentId).addValue("ids", orderIds));
    }

    private static Failure failure(ResultSet rs) throws SQLException {
        return new Failure(
                rs.getString("order_id"),
                rs.getString("fingerprint"),
                rs.getString("stage"),
                rs.getString("summary"),
                instant(rs, "failed_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
