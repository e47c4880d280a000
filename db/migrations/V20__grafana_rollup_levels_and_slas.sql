-- Grafana, second part (issue 12, decision 0007): the dashboard reads the coarsest rollup its step allows,
-- and classifies lost/stuck orders with the portal's own per-stage SLAs. Same rule as V15: portal_grafana may
-- SELECT from grafana_* views only.

CREATE VIEW grafana_stage_6h AS
    SELECT stage_id, bucket_start, orders, errors, sla_ok, counts FROM stage_rollup_6h;

-- The rollup rows of a Grafana query, grouped to its step. Grafana's $__interval is the step of the panel
-- (range / max data points, rounded by Grafana); the step used is that rounded up to whole minutes, and the
-- rows come from the coarsest rollup whose width divides it, as the portal's own chart does
-- (analytics.Rollup.forStep): 1 min, 1 h or 6 h. So a 30-day range reads hour or 6-hour rows, not 43,200
-- minute rows per stage. "time" is the start of the step (aligned to the epoch, UTC), "rollup" which level
-- was read. A stage of NULL means every stage. Rows are those whose bucket starts within the range, as
-- $__timeFilter(bucket_start) would select them.
CREATE FUNCTION grafana_stage_rows(range_from TIMESTAMPTZ, range_to TIMESTAMPTZ, interval_ms BIGINT, stage TEXT)
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
    ELSE
        RETURN QUERY SELECT r.stage_id, to_timestamp(floor(extract(epoch FROM r.bucket_start) / step) * step),
                            'minute'::TEXT, step, r.orders, r.errors, r.sla_ok, r.counts
            FROM grafana_stage_minute r
            WHERE r.bucket_start BETWEEN range_from AND range_to AND (stage IS NULL OR r.stage_id = stage);
    END IF;
END
$$;

-- The lost-order rules the portal applies (lost.DetectionRules: the stage catalog with portal.lost's
-- overrides and grace), written by the portal at every start-up (grafana.ReportingSlas), so the dashboard's
-- lost/stuck panel classifies as the portal's list does. Per stage: how long an order may sit after that stage
-- ended before it is stuck (the next stage's SLA plus grace; NULL after a terminal stage: nothing awaited).
CREATE TABLE reporting_stage_sla (
    stage_id    VARCHAR(64) PRIMARY KEY,
    position    INTEGER     NOT NULL,
    sla         INTERVAL    NOT NULL,
    stuck_after INTERVAL,
    terminal    BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- One row: lost after (the end-to-end SLA), stuck before any stage (the first stage's SLA plus grace), grace.
CREATE TABLE reporting_lost_rule (
    id                    BOOLEAN     PRIMARY KEY DEFAULT true CHECK (id),
    lost_after            INTERVAL    NOT NULL,
    stuck_before_any_stage INTERVAL,
    grace                 INTERVAL    NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE VIEW grafana_stage_slas AS
    SELECT stage_id, position, sla, stuck_after, terminal, updated_at FROM reporting_stage_sla;

CREATE VIEW grafana_lost_rules AS
    SELECT lost_after, stuck_before_any_stage, grace, updated_at FROM reporting_lost_rule;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_grafana') THEN
        GRANT SELECT ON grafana_stage_6h, grafana_stage_slas, grafana_lost_rules TO portal_grafana;
    END IF;
END
$$;
