-- The indexer's write path, made cheaper (issue 4, throughput):
--
-- order_span is gone. Every journey row already holds all spans of its order (the lookup's developer view
-- reads them from there), so the indexer merges new spans into the stored journey instead of keeping a
-- second copy of each span, with its own JSON, primary key and partitions, in step with it. The rows of
-- order_span are copies of spans in order_journey.journey, so dropping it loses nothing.
DROP TABLE order_span;

-- The primary key (order_id, first_seen) already serves lookups by order id; this index only cost writes.
DROP INDEX order_journey_order_id_idx;

-- A journey is ~10 KB of JSON and is compressed on every write: lz4 compresses several times faster than
-- the default pglz at a similar ratio. PostgreSQL 15 does not pass this on to existing partitions, so each
-- is altered too (rows written before keep pglz); partitions created from now on copy it from the parent
-- (PartitionMaintenance: INCLUDING COMPRESSION).
ALTER TABLE order_journey ALTER COLUMN journey SET COMPRESSION lz4;
DO $$
DECLARE
    partition regclass;
BEGIN
    FOR partition IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'order_journey'::regclass LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN journey SET COMPRESSION lz4', partition);
    END LOOP;
END
$$;
