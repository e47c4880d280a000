-- Grafana reads the 15-minute rollup (V18) too, so its step rule stays the portal's own
-- (analytics.Rollup.forStep: the coarsest of 1 min, 15 min, 1 h, 6 h whose width divides the step).
-- V18 and V20 were written side by side; this joins them.

CREATE VIEW grafana_stage_15m AS
    SELECT stage_id, bucket_start, orders, errors, sla_ok, counts FROM stage_rollup_15m;

CREATE OR REPLACE FUNCTION grafana_stage_rows(range_from TIMESTAMPTZ, range_to TIMESTAMPTZ, interval_ms BIGINT, stage TEXT)
RETURNS TABLE (stage_id VARCHAR, "time" TIMESTAMPTZ, rollup TEXT, step_seconds BIGINT,
               orders INTEGER, errors INTEGER, sla_ok INTEGER, counts INTEGER[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
    step BIGINT := greatest(60, ceil(greatest(coalesce(interval_ms, 0), 0) / 60000.0)::BIGINT * 60);
BEGIN
    IF step % 21600 = 0 THEN
        RETURN QUERY SELECT r.stage_id, to_timestamp(floor(extract(epoch FROM r.bucket_start) / step) * step),
                            '6h'::TEXT, step, r.orders, r.errors, r.sla_ok, r.counts
            FROM grafana_stage_6h r
            WHERE r.bucket_start BETWEEN range_from AND range_to AND (stage IS NULL OR r.stage_id = stage);
    ELSIF step % 3600 = 0 THEN
        RETURN QUERY SELECT r.stage_id, to_timestamp(floor(extract(epoch FROM r.bucket_start) / step) * step),
                            'hour'::TEXT, step, r.orders, r.errors, r.sla_ok, r.counts
            FROM grafana_stage_hour r
            WHERE r.bucket_start BETWEEN range_from AND range_to AND (stage IS NULL OR r.stage_id = stage);
    ELSIF step % 900 = 0 THEN
        RETURN QUERY SELECT r.stage_id, to_timestamp(floor(extract(epoch FROM r.bucket_start) / step) * step),
                            '15m'::TEXT, step, r.orders, r.errors, r.sla_ok, r.counts
            FROM grafana_stage_15m r
            WHERE r.bucket_start BETWEEN range_from AND range_to AND (stage IS NULL OR r.stage_id = stage);
    ELSE
        RETURN QUERY SELECT r.stage_id, to_timestamp(floor(extract(epoch FROM r.bucket_start) / step) * step),
                            'minute'::TEXT, step, r.orders, r.errors, r.sla_ok, r.counts
            FROM grafana_stage_minute r
            WHERE r.bucket_start BETWEEN range_from AND range_to AND (stage IS NULL OR r.stage_id = stage);
    END IF;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_grafana') THEN
        GRANT SELECT ON grafana_stage_15m TO portal_grafana;
    END IF;
END
$$;
