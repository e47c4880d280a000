-- Reporting views for Grafana (issue 12, decision 0005). Grafana's PostgreSQL data source connects as the
-- read-only role portal_grafana, which may SELECT from these views and nothing else: not order_journey (its
-- spans and error texts), not the incidents, not the alerts, no writes. A view runs with its owner's (the
-- portal's) rights, so the role needs no right on the tables underneath. Every column here is a count, a
-- stage id, a time or an outcome.

-- The rollups as they are (per stage and minute / hour): Grafana groups and filters them with its macros.
CREATE VIEW grafana_stage_minute AS
    SELECT stage_id, bucket_start, orders, errors, sla_ok, counts FROM stage_rollup_minute;

CREATE VIEW grafana_stage_hour AS
    SELECT stage_id, bucket_start, orders, errors, sla_ok, counts FROM stage_rollup_hour;

-- The stage variable's choices: every stage with a measurement in the hour rollups.
CREATE VIEW grafana_stages AS
    SELECT DISTINCT stage_id FROM stage_rollup_hour;

-- Orders that did not complete (the ones the lost/stuck list classifies): when first seen, where they are,
-- when they last moved. No spans, no error message. Dashboards classify with their own thresholds, which
-- default to the stage catalog's (the portal's own list applies the per-stage SLAs in Java).
CREATE VIEW grafana_open_orders AS
    SELECT order_id, first_seen, last_stage, coalesce(last_stage_ended_at, first_seen) AS last_moved_at, outcome
    FROM order_journey WHERE outcome <> 'COMPLETED';

-- Sums rollup histograms (see V14: arrays with their own lower bounds, NULL elements count as 0). STRICT
-- with no initial state: the first array becomes the state, NULL rows are skipped.
CREATE FUNCTION reporting_histogram_add(total INTEGER[], counts INTEGER[]) RETURNS INTEGER[]
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT stage_rollup_add(total, counts) $$;

CREATE AGGREGATE reporting_histogram_sum(INTEGER[]) (SFUNC = reporting_histogram_add, STYPE = INTEGER[]);

-- The nearest-rank quantile of a histogram in milliseconds, as analytics.Histogram.percentileMicros reads
-- it: the representative value 2·γ^b/(γ+1) µs of the first bucket b whose cumulative count reaches
-- ceil(q · total), γ = 1.02 (analytics.LogBuckets); bucket 0 (under 1 µs) stands for 0. NULL when empty.
CREATE FUNCTION reporting_quantile_ms(counts INTEGER[], q DOUBLE PRECISION) RETURNS DOUBLE PRECISION
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    total BIGINT := 0;
    seen BIGINT := 0;
    rank BIGINT;
BEGIN
    IF q <= 0 OR q > 1 THEN
        RAISE EXCEPTION 'quantile out of (0, 1]: %', q;
    END IF;
    FOR i IN array_lower(counts, 1) .. array_upper(counts, 1) LOOP
        total := total + coalesce(counts[i], 0);
    END LOOP;
    IF total IS NULL OR total <= 0 THEN
        RETURN NULL;
    END IF;
    rank := ceil(q * total);
    FOR i IN array_lower(counts, 1) .. array_upper(counts, 1) LOOP
        seen := seen + coalesce(counts[i], 0);
        IF seen >= rank THEN
            RETURN CASE WHEN i = 0 THEN 0 ELSE 2 * power(1.02::double precision, i) / 2.02 / 1000 END;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- Grants, when the role exists. Creating a role needs CREATEROLE, which the portal's database user need not
-- have in production: there the DBA runs db/grafana-role.sql (creates the role, then the same grants), before
-- or after this migration. bin/stack creates the role locally, so here the migration grants.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_grafana') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO portal_grafana', current_schema());
        GRANT SELECT ON grafana_stage_minute, grafana_stage_hour, grafana_stages, grafana_open_orders
            TO portal_grafana;
    END IF;
END
$$;
