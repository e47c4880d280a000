-- Latency analytics, third round (issue 11; decision 0005 §5): the indexer's cost of measuring.
--
-- A row per order and stage cost PostgreSQL nine rows and 27 index entries per order, most of the indexer's
-- extra time with measurements. Now one row per order holds its stages as parallel arrays (one index entry),
-- and the drill-down reads a table of only what it lists: per stage and minute of ended_at the slowest
-- measurements (analytics.MeasurementWriter.SLOWEST_KEPT of them), and every failed one. The slowest orders of
-- any bucket made of whole minutes are the slowest of the union of its minutes' slowest, so the drill-down is
-- exact for them; off the minute edges it reads the order rows of the edge minutes.

CREATE TABLE order_measurement (
    first_seen   TIMESTAMPTZ    NOT NULL,
    order_id     VARCHAR(64)    NOT NULL,
    stage_ids    VARCHAR(64)[]  NOT NULL,
    -- when each stage ended, in microseconds since the epoch: the indexer sends the arrays as text, and PostgreSQL
    -- reads numbers a third faster than timestamps (the view gives them as timestamps)
    ended_us     BIGINT[]       NOT NULL,
    duration_us  BIGINT[]       NOT NULL,
    buckets      SMALLINT[]     NOT NULL,
    errors       BOOLEAN[]      NOT NULL,
    sla_ok       BOOLEAN[]      NOT NULL,
    -- first_seen first: the indexer finds a piece's rows by (first_seen, order_id), and the drill-down the orders
    -- first seen in a time range
    PRIMARY KEY (first_seen, order_id)
) PARTITION BY RANGE (first_seen);

CREATE TABLE order_measurement_default PARTITION OF order_measurement DEFAULT;

-- slowest: among the stage's SLOWEST_KEPT longest of its minute; a failed measurement is kept either way.
CREATE TABLE stage_drill_down (
    stage_id     VARCHAR(64)  NOT NULL,
    ended_at     TIMESTAMPTZ  NOT NULL,
    order_id     VARCHAR(64)  NOT NULL,
    first_seen   TIMESTAMPTZ  NOT NULL,
    duration_us  BIGINT       NOT NULL,
    error        BOOLEAN      NOT NULL,
    sla_ok       BOOLEAN      NOT NULL,
    slowest      BOOLEAN      NOT NULL
) PARTITION BY RANGE (first_seen);

CREATE TABLE stage_drill_down_default PARTITION OF stage_drill_down DEFAULT;

CREATE INDEX stage_drill_down_slowest_idx ON stage_drill_down (stage_id, ended_at) INCLUDE (duration_us)
    WHERE slowest;
CREATE INDEX stage_drill_down_failed_idx ON stage_drill_down (stage_id, ended_at) INCLUDE (duration_us)
    WHERE error;

-- Where a minute's orders begin: the earliest first_seen among its measurements (never raised when one is taken
-- away, so a bound, not an exact value). The writer re-reads a minute's slowest from the order rows first seen
-- since then when one of them is re-measured out of it. Kept by every rollup's upsert alike.
ALTER TABLE stage_rollup_minute ADD COLUMN first_seen_from TIMESTAMPTZ;
ALTER TABLE stage_rollup_15m ADD COLUMN first_seen_from TIMESTAMPTZ;
ALTER TABLE stage_rollup_hour ADD COLUMN first_seen_from TIMESTAMPTZ;
ALTER TABLE stage_rollup_6h ADD COLUMN first_seen_from TIMESTAMPTZ;

-- The new tables get the daily partitions the journeys have (as PartitionMaintenance names them), so the rows
-- converted below land in their days, not all in the default partitions.
DO $$
DECLARE
    day RECORD;
BEGIN
    FOR day IN SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
               FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = CAST('order_journey' AS regclass) AND c.relname LIKE 'order\_journey\_p%' LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF order_measurement %s',
            replace(day.relname, 'order_journey_p', 'order_measurement_p'), day.bound);
        EXECUTE format('CREATE TABLE %I PARTITION OF stage_drill_down %s',
            replace(day.relname, 'order_journey_p', 'stage_drill_down_p'), day.bound);
    END LOOP;
END
$$;

INSERT INTO order_measurement (first_seen, order_id, stage_ids, ended_us, duration_us, buckets, errors, sla_ok)
SELECT first_seen, order_id, array_agg(stage_id ORDER BY stage_id),
    array_agg(CAST(extract(epoch FROM ended_at) * 1000000 AS bigint) ORDER BY stage_id),
    array_agg(duration_us ORDER BY stage_id), array_agg(bucket ORDER BY stage_id), array_agg(error ORDER BY stage_id),
    array_agg(sla_ok ORDER BY stage_id)
FROM stage_measurement
GROUP BY first_seen, order_id;

INSERT INTO stage_drill_down (stage_id, ended_at, order_id, first_seen, duration_us, error, sla_ok, slowest)
SELECT stage_id, ended_at, order_id, first_seen, duration_us, error, sla_ok, rank <= 20
FROM (SELECT m.*, row_number() OVER (PARTITION BY stage_id, date_trunc('minute', ended_at)
        ORDER BY duration_us DESC, order_id) AS rank
      FROM stage_measurement m) ranked
WHERE rank <= 20 OR error;

UPDATE stage_rollup_minute r SET first_seen_from = m.first_seen_from
FROM (SELECT stage_id, date_trunc('minute', ended_at) AS bucket_start, min(first_seen) AS first_seen_from
      FROM stage_measurement GROUP BY 1, 2) m
WHERE m.stage_id = r.stage_id AND m.bucket_start = r.bucket_start;

DROP TABLE stage_measurement;

-- The measurements a row per order and stage, as before, for reading (tests, ad-hoc SQL).
CREATE VIEW stage_measurement AS
SELECT m.order_id, s.stage_id, m.first_seen, TIMESTAMPTZ 'epoch' + s.ended_us * INTERVAL '1 microsecond' AS ended_at,
    s.duration_us, s.bucket, s.error, s.sla_ok
FROM order_measurement m,
    unnest(m.stage_ids, m.ended_us, m.duration_us, m.buckets, m.errors, m.sla_ok)
        AS s (stage_id, ended_us, duration_us, bucket, error, sla_ok);
