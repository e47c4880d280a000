-- Per-stage latency analytics (issue 11): decision 0004.
--
-- stage_measurement: one row per order and stage reached (plus 'end_to_end' for an order that completed
-- or failed), written by the indexer in the transaction that writes the journey. Re-assembling a journey
-- (late spans, re-indexing) replaces the row: the key is the order and stage, so an order counts once per
-- stage with its latest duration. Partitioned like order_journey by the journey row's first_seen, so the
-- daily partitions of both are created and dropped together (PartitionMaintenance, retention-days).
CREATE TABLE stage_measurement (
    order_id     VARCHAR(64)  NOT NULL,
    stage_id     VARCHAR(64)  NOT NULL,
    first_seen   TIMESTAMPTZ  NOT NULL,
    ended_at     TIMESTAMPTZ  NOT NULL,
    duration_us  BIGINT       NOT NULL,
    bucket       SMALLINT     NOT NULL,
    error        BOOLEAN      NOT NULL,
    sla_ok       BOOLEAN      NOT NULL,
    PRIMARY KEY (order_id, stage_id, first_seen)
) PARTITION BY RANGE (first_seen);

CREATE TABLE stage_measurement_default PARTITION OF stage_measurement DEFAULT;

-- The drill-down: one stage, one time bucket, slowest first (and the failed ones of that bucket).
CREATE INDEX stage_measurement_bucket_idx ON stage_measurement (stage_id, ended_at) INCLUDE (duration_us, error);

-- Rollups: per stage and minute (hour, 6 hours) of ended_at, a histogram of the durations in log-scale buckets
-- (counts[b] = orders whose duration fell in bucket b; the array's lower bound is the lowest bucket seen, NULL
-- elements count as 0), the orders, how many failed at the stage, how many were within the stage's SLA. Plain
-- counts, so any range is a sum and percentiles come from the summed histogram. One row per stage and minute
-- keeps a month's chart to a few thousand rows. Maintained incrementally in the same transaction as the
-- measurements (the old measurement subtracted, the new one added), one upsert per row and indexer piece.
CREATE TABLE stage_rollup_minute (
    stage_id     VARCHAR(64)  NOT NULL,
    bucket_start TIMESTAMPTZ  NOT NULL,
    counts       INTEGER[]    NOT NULL,
    orders       INTEGER      NOT NULL,
    errors       INTEGER      NOT NULL,
    sla_ok       INTEGER      NOT NULL,
    PRIMARY KEY (stage_id, bucket_start)
) PARTITION BY RANGE (bucket_start);

CREATE TABLE stage_rollup_minute_default PARTITION OF stage_rollup_minute DEFAULT;

CREATE TABLE stage_rollup_hour (
    stage_id     VARCHAR(64)  NOT NULL,
    bucket_start TIMESTAMPTZ  NOT NULL,
    counts       INTEGER[]    NOT NULL,
    orders       INTEGER      NOT NULL,
    errors       INTEGER      NOT NULL,
    sla_ok       INTEGER      NOT NULL,
    PRIMARY KEY (stage_id, bucket_start)
) PARTITION BY RANGE (bucket_start);

CREATE TABLE stage_rollup_hour_default PARTITION OF stage_rollup_hour DEFAULT;

-- The 30-day chart (6-hour steps) reads 6-hour rows: a sixth of the hour rows.
CREATE TABLE stage_rollup_6h (
    stage_id     VARCHAR(64)  NOT NULL,
    bucket_start TIMESTAMPTZ  NOT NULL,
    counts       INTEGER[]    NOT NULL,
    orders       INTEGER      NOT NULL,
    errors       INTEGER      NOT NULL,
    sla_ok       INTEGER      NOT NULL,
    PRIMARY KEY (stage_id, bucket_start)
) PARTITION BY RANGE (bucket_start);

CREATE TABLE stage_rollup_6h_default PARTITION OF stage_rollup_6h DEFAULT;

-- Adds a change of a rollup row's histogram (both arrays with their own bounds; NULL elements count as 0).
-- The indexer sends one change per row and piece; assigning outside a one-dimensional array's bounds extends it.
CREATE FUNCTION stage_rollup_add(counts INTEGER[], delta INTEGER[]) RETURNS INTEGER[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    result INTEGER[] := counts;
BEGIN
    FOR i IN array_lower(delta, 1) .. array_upper(delta, 1) LOOP
        IF delta[i] <> 0 THEN
            result[i] := coalesce(result[i], 0) + delta[i];
        END IF;
    END LOOP;
    RETURN result;
END
$$;

-- Charts read a time range of all stages.
CREATE INDEX stage_rollup_minute_time_idx ON stage_rollup_minute (bucket_start);
CREATE INDEX stage_rollup_hour_time_idx ON stage_rollup_hour (bucket_start);
CREATE INDEX stage_rollup_6h_time_idx ON stage_rollup_6h (bucket_start);
