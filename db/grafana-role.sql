-- The read-only role of Grafana's PostgreSQL data source (decision 0005), for production, run by the DBA
-- as a user with CREATEROLE, connected to the portal's database (psql -d portal -v password=... -f ...).
-- Idempotent; run it before or after migrations V15 and V20 (which grants the same when the role already exists).
-- Needs migration V15 applied for the GRANT SELECT; run again after it if the role was created first.
SELECT format('CREATE ROLE portal_grafana LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT',
              :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_grafana') \gexec
ALTER ROLE portal_grafana SET default_transaction_read_only = on;
GRANT USAGE ON SCHEMA public TO portal_grafana;
SELECT 'GRANT SELECT ON grafana_stage_minute, grafana_stage_hour, grafana_stages, grafana_open_orders TO portal_grafana'
WHERE to_regclass('grafana_open_orders') IS NOT NULL \gexec
-- V20: the 6-hour rollups and the portal's lost-order rules (run again after V20 if the role came first)
SELECT 'GRANT SELECT ON grafana_stage_6h, grafana_stage_slas, grafana_lost_rules TO portal_grafana'
WHERE to_regclass('grafana_lost_rules') IS NOT NULL \gexec
-- V23: the 15-minute rollups
SELECT 'GRANT SELECT ON grafana_stage_15m TO portal_grafana'
WHERE to_regclass('grafana_stage_15m') IS NOT NULL \gexec
