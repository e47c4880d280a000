package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code order_journey} rows the way the indexer does, for tests. Every order id starts with the
 * test's own prefix, so a test deletes exactly what it wrote.
 */
public final class JourneyRows {

    private final JdbcTemplate jdbc;
    private final String prefix;

    public JourneyRows(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    public String id(String suffix) {
        return prefix + suffix;
    }

    /** Inserts the order; {@code reachedStages} go into the stored journey for the coverage query. */
    public void insert(OrderSnapshot order, List<String> reachedStages) {
        String stages = reachedStages.stream()
                .map(stage -> "{\"definition\":{\"id\":\"" + stage + "\"},\"state\":\"OK\"}")
                .collect(Collectors.joining(",", "[", "]"));
        jdbc.update(
                """
                INSERT INTO order_journey (order_id, first_seen, last_seen, last_stage, last_stage_ended_at,
                    current_status, outcome, has_error, error_stage, error_message, trace_ids, journey, indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ARRAY['0af7651916cd43dd8448eb211c80319c'], CAST(? AS jsonb), now())""",
                order.orderId(),
                ts(order.firstSeen()),
                ts(order.lastMovedAt()),
                order.lastStage(),
                ts(order.lastStageEndedAt()),
                order.currentStatus(),
                order.outcome().name(),
                order.errorMessage() != null,
                order.errorStage(),
                order.errorMessage(),
                "{\"stages\":" + stages + "}");
    }

    public void insert(OrderSnapshot order) {
        insert(order, order.lastStage() == null ? List.of() : List.of(order.lastStage()));
    }

    public OrderSnapshot open(String suffix, Instant firstSeen, String lastStage, Instant endedAt) {
        return new OrderSnapshot(
                id(suffix), firstSeen, lastStage, endedAt, JourneyOutcome.IN_PROGRESS, "IN_CRM", null, null);
    }

    public OrderSnapshot failed(String suffix, Instant firstSeen, String stage, Instant endedAt, String message) {
        return new OrderSnapshot(
                id(suffix), firstSeen, stage, endedAt, JourneyOutcome.FAILED, "RECEIVED_IN_MES", stage, message);
    }

    public OrderSnapshot completed(String suffix, Instant firstSeen, Instant endedAt) {
        return new OrderSnapshot(
                id(suffix),
                firstSeen,
                "mes.approve",
                endedAt,
                JourneyOutcome.COMPLETED,
                "MANUFACTURING_APPROVED",
                null,
                null);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM order_journey WHERE order_id LIKE ?", prefix + "%");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
