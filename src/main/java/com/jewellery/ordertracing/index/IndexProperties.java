package com.jewellery.ordertracing.index;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the indexer copies order journeys from Jaeger into PostgreSQL ({@code portal.index.*}).
 *
 * @param enabled         whether this instance runs the indexer at all
 * @param interval        pause between two indexer runs
 * @param window          widest time window read in one Jaeger search; wider ranges are read in steps
 * @param overlap         how far each run re-reads before its cursor, for spans that reached Jaeger late
 *                        (a span longer than overlap + lag may be missed by its own service's search)
 * @param lag             how far behind now a run stops reading, so spans still in flight are not raced
 * @param initialLookback where a service without a cursor starts: now minus this
 * @param searchDepth     most traces one Jaeger search returns; windows are read in pieces that hold fewer
 * @param maxBackoff      longest pause between retries while Jaeger or the database fails
 * @param retentionDays   daily partitions older than this many days are dropped
 * @param partitionsAhead how many daily partitions after today are created in advance
 * @param lockKey         key of the PostgreSQL advisory lock that lets one portal instance index at a time
 * @param backfill        a time range to re-read once (e.g. after Jaeger was re-filled); empty for none
 */
@ConfigurationProperties("portal.index")
public record IndexProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("5m") Duration window,
        @DefaultValue("1m") Duration overlap,
        @DefaultValue("5s") Duration lag,
        @DefaultValue("24h") Duration initialLookback,
        @DefaultValue("2000") int searchDepth,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("90") int retentionDays,
        @DefaultValue("7") int partitionsAhead,
        @DefaultValue("727001") long lockKey,
        @DefaultValue Backfill backfill) {

    public IndexProperties {
        requirePositive("interval", interval);
        requirePositive("window", window);
        requirePositive("max-backoff", maxBackoff);
        requireNotNegative("overlap", overlap);
        requireNotNegative("lag", lag);
        requireNotNegative("initial-lookback", initialLookback);
        if (searchDepth < 1) {
            throw new IllegalArgumentException("portal.index.search-depth must be at least 1, was " + searchDepth);
        }
        if (retentionDays < 1 || partitionsAhead < 0) {
            throw new IllegalArgumentException("portal.index.retention-days must be at least 1 and "
                    + "portal.index.partitions-ahead not negative, were " + retentionDays + " and " + partitionsAhead);
        }
        backfill = backfill == null ? new Backfill(null, null) : backfill;
    }

    /**
     * A range to re-read once; both ends set, or neither.
     *
     * @param from start, inclusive
     * @param to   end, exclusive
     */
    public record Backfill(Instant from, Instant to) {

        public Backfill {
            if ((from == null) != (to == null) || from != null && !from.isBefore(to)) {
                throw new IllegalArgumentException(
                        "portal.index.backfill needs both from and to, from before to; got " + from + " .. " + to);
            }
        }

        public boolean requested() {
            return from != null;
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || !value.isPositive()) {
            throw new IllegalArgumentException("portal.index." + name + " must be a positive duration, was " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("portal.index." + name + " must not be negative, was " + value);
        }
    }
}
