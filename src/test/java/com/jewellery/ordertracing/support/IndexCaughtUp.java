package com.jewellery.ordertracing.support;

import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.scenario.GroundTruth;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until the background indexer has read Jaeger after a play's last span was stored there. Seeing every
 * order of a play in {@code order_journey} is not enough: an order's first spans may be indexed while its
 * last ones are still on their way (the flow's exporter, Jaeger's batch processor), and the journey grows on
 * a later run. A cursor past the play's end plus that delay belongs to a window planned, and so read, after
 * every span was in Jaeger; the runs re-read the overlap, so each journey of the play is then whole.
 */
public final class IndexCaughtUp {

    /** Jaeger's batch processor holds spans up to 200 ms; Badger writes them soon after: a wide margin. */
    private static final Duration SPANS_STORED = Duration.ofSeconds(3);

    private IndexCaughtUp() {}

    /** Waits up to {@code limit} for every service's cursor (in {@code jdbc}'s schema) to pass the play's end. */
    public static void afterPlay(JdbcTemplate jdbc, GroundTruth truth, Duration limit) {
        Instant past = truth.finishedAt().plus(SPANS_STORED);
        await("the indexer reading past " + past)
                .atMost(limit)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Timestamp oldest =
                            jdbc.queryForObject("SELECT min(read_until) FROM indexer_cursor", Timestamp.class);
                    return oldest != null && oldest.toInstant().isAfter(past);
                });
    }
}
