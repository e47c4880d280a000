-- Latency analytics, second round (issue 11; decision 0005).
--
-- The 24-hour chart (15-minute steps) summed 25,920 minute rows per report; a 15-minute rollup gives it 1,728.
-- Same shape as the other rollups, maintained in the same transaction by the indexer.
CREATE TABLE stage_rollup_15m (
    stage_id     VARCHAR(64)  NOT NULL,
    bucket_start TIMESTAMPTZ  NOT NULL,
    counts       INTEGER[]    NOT NULL,
    orders       INTEGER      NOT NULL,
    errors       INTEGER      NOT NULL,
    sla_ok       INTEGER      NOT NULL,
    PRIMARY KEY (stage_id, bucket_start)
) PARTITION BY RANGE (bucket_start);

CREATE TABLE stage_rollup_15m_default PARTITION OF stage_rollup_15m DEFAULT;

CREATE INDEX stage_rollup_15m_time_idx ON stage_rollup_15m (bucket_start);

-- Back-filled from the minute rows already there (journeys indexed since V14), so the 24-hour chart of the
-- days before this migration is not empty. NULL elements of a minute row count as 0.
INSERT INTO stage_rollup_15m (stage_id, bucket_start, counts, orders, errors, sla_ok)
SELECT stage_id, date_bin(INTERVAL '15 minutes', bucket_start, TIMESTAMPTZ '1970-01-01 00:00:00+00'),
    reporting_histogram_sum(counts), sum(orders), sum(errors), sum(sla_ok)
FROM stage_rollup_minute
GROUP BY 1, 2;

-- The drill-down's slowest orders of a bucket: the analytics service reads which duration buckets hold them
-- from the bucket's rollup and fetches only those (stage, bucket, ended_at) ranges: a few dozen index entries
-- whatever the bucket's width, where (stage_id, ended_at) scanned all 250,000 entries of a 6-hour bucket.
CREATE INDEX stage_measurement_slowest_idx ON stage_measurement (stage_id, bucket, ended_at) INCLUDE (duration_us);

-- The failed orders of a bucket, most recent first: a few per cent of the rows.
CREATE INDEX stage_measurement_failed_idx ON stage_measurement (stage_id, ended_at) INCLUDE (duration_us)
    WHERE error;

DROP INDEX stage_measurement_bucket_idx;

-- Journeys indexed before V14 have no measurements. The indexer's lock holder measures them a batch per run
-- from the stored journey (analytics.MeasurementBackfill), in key order from where it stopped; journeys first
-- seen from now on are measured as they are written. One row; none when there was nothing to measure.
CREATE TABLE stage_measurement_backfill (
    single           BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (single),
    first_seen_until TIMESTAMPTZ  NOT NULL,
    next_first_seen  TIMESTAMPTZ,
    next_order_id    VARCHAR(64),
    measured         BIGINT       NOT NULL DEFAULT 0,
    finished_at      TIMESTAMPTZ
);

INSERT INTO stage_measurement_backfill (first_seen_until)
SELECT now() WHERE EXISTS (SELECT 1 FROM order_journey);
