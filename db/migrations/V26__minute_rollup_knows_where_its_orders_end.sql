-- Latency analytics (issue 11; decision 0005 §5). A minute's slowest are re-read from the order rows first seen
-- in [first_seen_from, first_seen_until] of its rollup row. V25 bounded them above by the minute's end plus a day
-- (a row keeps the first_seen of its first insert, which can be after a stage's end), which at 1M orders a day
-- read half a million order rows for one minute (3.4 s). first_seen_until: the latest first_seen among the
-- minute's measurements, raised by every one added, never lowered.
ALTER TABLE stage_rollup_minute ADD COLUMN first_seen_until TIMESTAMPTZ;
ALTER TABLE stage_rollup_15m ADD COLUMN first_seen_until TIMESTAMPTZ;
ALTER TABLE stage_rollup_hour ADD COLUMN first_seen_until TIMESTAMPTZ;
ALTER TABLE stage_rollup_6h ADD COLUMN first_seen_until TIMESTAMPTZ;

UPDATE stage_rollup_minute r SET first_seen_until = m.first_seen_until
FROM (SELECT stage_id, date_trunc('minute', ended_at) AS bucket_start, max(first_seen) AS first_seen_until
      FROM stage_measurement GROUP BY 1, 2) m
WHERE m.stage_id = r.stage_id AND m.bucket_start = r.bucket_start;
