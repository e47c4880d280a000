package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.journey.OrderJourney;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the journeys stored before measurements were kept (V14), a batch per indexer run, under the indexer's
 * lock (only one writer of measurements and rollups, as {@link MeasurementWriter} needs). The journeys to measure
 * are those first seen before V18 ran ({@code stage_measurement_backfill}); they are walked in key order
 * {@code (first_seen, order_id)} from where the last batch stopped, each batch and its progress in one
 * transaction. A journey that has measurements already (re-assembled since) is skipped without reading its JSON;
 * the others are measured from the stored journey, as the portal shows it, through the writer, which adds them to
 * the rollups. One whose JSON no longer fits the journey model is logged and skipped.
 */
final class MeasurementBackfill {

    private static final Logger log = LoggerFactory.getLogger(MeasurementBackfill.class);

    private final JdbcTemplate jdbc;
    private final TransactionOperations transactions;
    private final MeasurementWriter writer;
    private final int batch;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    MeasurementBackfill(
            JdbcTemplate jdbc, TransactionOperations transactions, MeasurementWriter writer, int batch, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writer = writer;
        this.batch = batch;
        this.clock = clock;
    }

    /** @return the journeys measured by this batch; 0 when there are none left (one single-row read per run) */
    int runBatch() {
        Integer measured = transactions.execute(status -> measureBatch());
        return measured == null ? 0 : measured;
    }

    private int measureBatch() {
        List<Map<String, Object>> state = jdbc.queryForList(
                "SELECT first_seen_until, next_first_seen, next_order_id FROM stage_measurement_backfill "
                        + "WHERE finished_at IS NULL FOR UPDATE");
        if (state.isEmpty()) {
            return 0;
        }
        Object until = state.getFirst().get("first_seen_until");
        Object nextFirstSeen = state.getFirst().get("next_first_seen");
        String nextOrderId = (String) state.getFirst().get("next_order_id");
        List<Candidate> candidates = new ArrayList<>();
        // the JSON only of journeys without measurements: CASE does not read (nor decompress) the others
        jdbc.query(
                """
                SELECT j.order_id, j.first_seen, CASE WHEN NOT EXISTS (SELECT 1 FROM order_measurement m
                        WHERE m.order_id = j.order_id AND m.first_seen = j.first_seen) THEN CAST(j.journey AS text) END
                    AS journey
                FROM order_journey j
                WHERE j.first_seen < ? AND (CAST(? AS timestamptz) IS NULL OR (j.first_seen, j.order_id) > (?, ?))
                ORDER BY j.first_seen, j.order_id LIMIT ?""",
                rs -> {
                    candidates.add(new Candidate(
                            rs.getString("order_id"),
                            MeasurementWriter.instant(rs, "first_seen"),
                            rs.getString("journey")));
                },
                until,
                nextFirstSeen,
                nextFirstSeen,
                nextOrderId,
                batch);
        List<JourneyMeasurements.Saved> journeys = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.journey() != null) {
                readable(candidate)
                        .ifPresent(journey ->
                                journeys.add(new JourneyMeasurements.Saved(journey, candidate.firstSeen(), true)));
            }
        }
        writer.saved(journeys);
        if (candidates.size() < batch) {
            jdbc.update(
                    "UPDATE stage_measurement_backfill SET measured = measured + ?, finished_at = ?",
                    journeys.size(),
                    Timestamp.from(clock.instant()));
            log.info("Stage measurements back-filled for every journey stored before they were kept");
        } else {
            Candidate last = candidates.getLast();
            jdbc.update(
                    "UPDATE stage_measurement_backfill SET measured = measured + ?, next_first_seen = ?, next_order_id = ?",
                    journeys.size(),
                    MeasurementWriter.timestamp(last.firstSeen()),
                    last.orderId());
        }
        return journeys.size();
    }

    private Optional<OrderJourney> readable(Candidate candidate) {
        try {
            return Optional.of(json.readValue(candidate.journey(), OrderJourney.class));
        } catch (JacksonException unreadable) {
            log.warn(
                    "The stored journey of order {} cannot be read; it is left without measurements: {}",
                    candidate.orderId(),
                    unreadable.getMessage());
            return Optional.empty();
        }
    }

    private record Candidate(String orderId, Instant firstSeen, String journey) {}
}
