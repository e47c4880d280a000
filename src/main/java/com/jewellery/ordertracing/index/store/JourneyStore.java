package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.SpanRecord;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.JacksonException;

/**
 * The {@code order_journey} table: one row per order with the assembled journey as JSON, spans included,
 * so the row is all the index keeps of an order. A row keeps the
 * {@code first_seen} it was inserted with, because that is its partition key; only one indexer writes
 * (advisory lock), so "update, else insert" cannot race into two rows for one order.
 */
final class JourneyStore {

    private static final String UPDATE = """
            UPDATE order_journey SET last_seen = ?, last_stage = ?, last_stage_ended_at = ?, current_status = ?,
                outcome = ?, has_error = ?, error_stage = ?, error_message = ?, trace_ids = ?,
                journey = CAST(? AS jsonb), indexed_at = ?
            WHERE order_id = ? AND first_seen = ?""";
    private static final String INSERT = """
            INSERT INTO order_journey (last_seen, last_stage, last_stage_ended_at, current_status, outcome,
                has_error, error_stage, error_message, trace_ids, journey, indexed_at, order_id, first_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""";
    private static final int BATCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(JourneyStore.class);

    private final JdbcTemplate jdbc;
    private final JourneyJson json;
    private final JourneyMeasurements measurements;

    JourneyStore(JdbcTemplate jdbc, JourneyJson json) {
        this(jdbc, json, JourneyMeasurements.NONE);
    }

    /** @param measurements told of every journey written, in the same transaction (stage analytics) */
    JourneyStore(JdbcTemplate jdbc, JourneyJson json, JourneyMeasurements measurements) {
        this.jdbc = jdbc;
        this.json = json;
        this.measurements = measurements;
    }

    /**
     * Updates the orders already indexed and inserts the others.
     *
     * @param stored the orders that have a row ({@link #storedOf}), read in the same transaction; an update
     *               keeps the row's partition key
     */
    void save(List<OrderJourney> journeys, Map<String, Stored> stored, Instant indexedAt) {
        List<OrderJourney> updates =
                journeys.stream().filter(j -> stored.containsKey(j.orderId())).toList();
        List<OrderJourney> inserts =
                journeys.stream().filter(j -> !stored.containsKey(j.orderId())).toList();
        jdbc.batchUpdate(
                UPDATE,
                updates,
                BATCH_SIZE,
                (ps, journey) -> bind(ps, journey, stored.get(journey.orderId()).firstSeen(), indexedAt));
        jdbc.batchUpdate(
                INSERT, inserts, BATCH_SIZE, (ps, journey) -> bind(ps, journey, journey.firstSeen(), indexedAt));
        measurements.saved(journeys.stream()
                .map(journey -> stored.containsKey(journey.orderId())
                        ? new JourneyMeasurements.Saved(
                                journey, stored.get(journey.orderId()).firstSeen(), true)
                        : new JourneyMeasurements.Saved(journey, journey.firstSeen(), false))
                .toList());
    }

    /** @throws UnreadableJourneyException when the row's JSON does not fit the journey model */
    Optional<OrderJourney> find(String orderId) {
        return jdbc
                .query(
                        "SELECT journey FROM order_journey WHERE order_id = ? ORDER BY first_seen LIMIT 1",
                        (rs, row) -> readable(orderId, rs.getString(1)),
                        orderId)
                .stream()
                .findFirst();
    }

    private OrderJourney readable(String orderId, String journeyJson) {
        try {
            return json.journey(journeyJson);
        } catch (JacksonException unreadable) {
            throw new UnreadableJourneyException(orderId, unreadable);
        }
    }

    /**
     * The partition key and the spans of each order that has a row; orders without one are left out.
     * Only the spans are read back: the rest of a journey is assembled from them. Spans this version
     * cannot read count as none, so the journey is rebuilt from the new spans rather than the indexer
     * stopping at that order for good.
     */
    Map<String, Stored> storedOf(Collection<String> orderIds) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT order_id, first_seen, journey -> 'spans' AS spans FROM order_journey WHERE order_id = ANY (?)");
                    statement.setArray(1, connection.createArrayOf("varchar", orderIds.toArray()));
                    return statement;
                },
                rs -> {
                    String orderId = rs.getString("order_id");
                    stored.putIfAbsent(
                            orderId,
                            new Stored(SqlTimes.instant(rs, "first_seen"), spans(orderId, rs.getString("spans"))));
                });
        return stored;
    }

    private List<SpanRecord> spans(String orderId, String spansJson) {
        try {
            return json.spans(spansJson);
        } catch (JacksonException unreadable) {
            log.warn(
                    "The stored spans of order {} cannot be read; its journey is rebuilt from the spans read now: {}",
                    orderId,
                    unreadable.getMessage());
            return List.of();
        }
    }

    /** @param firstSeen the row's partition key; @param spans every span of the order the row holds */
    record Stored(Instant firstSeen, List<SpanRecord> spans) {}

    /** Both statements take the same parameters in the same order. */
    private void bind(PreparedStatement ps, OrderJourney journey, Instant firstSeen, Instant indexedAt)
            throws SQLException {
        JourneyColumns columns = JourneyColumns.of(journey);
        Array traceIds =
                ps.getConnection().createArrayOf("text", journey.traceIds().toArray());
        ps.setObject(1, SqlTimes.timestamp(journey.lastSeen()));
        ps.setString(2, columns.lastStage());
        ps.setObject(3, SqlTimes.timestamp(columns.lastStageEndedAt()));
        ps.setString(4, journey.currentStatus());
        ps.setString(5, journey.outcome().name());
        ps.setBoolean(6, !journey.errors().isEmpty());
        ps.setString(7, columns.errorStage());
        ps.setString(8, columns.errorMessage());
        ps.setArray(9, traceIds);
        ps.setString(10, json.write(journey));
        ps.setObject(11, SqlTimes.timestamp(indexedAt));
        ps.setString(12, journey.orderId());
        ps.setObject(13, SqlTimes.timestamp(firstSeen));
    }
}
