-- Journeys assembled from Jaeger's traces, kept beyond Jaeger's own retention.
--
-- order_span holds every order span the indexer has seen (deduplicated by span id), so an order whose
-- stages arrive in different indexer windows or different traces is re-assembled from all of its spans.
-- order_journey holds the assembled answer, one row per order, indexed for lookup and for the
-- lost/stuck queries. Both are partitioned by day so that retention drops whole partitions; the
-- indexer creates the daily partitions ahead of time, the DEFAULT partition catches anything else.

CREATE TABLE order_span (
    order_id       VARCHAR(64)  NOT NULL,
    span_id        VARCHAR(16)  NOT NULL,
    trace_id       VARCHAR(32)  NOT NULL,
    start_time     TIMESTAMPTZ  NOT NULL,
    span           JSONB        NOT NULL,
    PRIMARY KEY (order_id, span_id, start_time)
) PARTITION BY RANGE (start_time);

CREATE TABLE order_span_default PARTITION OF order_span DEFAULT;

CREATE TABLE order_journey (
    order_id            VARCHAR(64)  NOT NULL,
    first_seen          TIMESTAMPTZ  NOT NULL,
    last_seen           TIMESTAMPTZ  NOT NULL,
    last_stage          VARCHAR(64),
    last_stage_ended_at TIMESTAMPTZ,
    current_status      VARCHAR(64),
    outcome             VARCHAR(32)  NOT NULL,
    has_error           BOOLEAN      NOT NULL,
    error_stage         VARCHAR(64),
    error_message       TEXT,
    trace_ids           TEXT[]       NOT NULL,
    journey             JSONB        NOT NULL,
    indexed_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (order_id, first_seen)
) PARTITION BY RANGE (first_seen);

CREATE TABLE order_journey_default PARTITION OF order_journey DEFAULT;

CREATE INDEX order_journey_order_id_idx ON order_journey (order_id);
CREATE INDEX order_journey_recent_idx ON order_journey (first_seen DESC);
CREATE INDEX order_journey_stage_idx ON order_journey (last_stage, first_seen DESC);
CREATE INDEX order_journey_status_idx ON order_journey (current_status, first_seen DESC);
-- Orders still moving or failed: what the lost/stuck list scans. Completed orders are most rows and never listed.
CREATE INDEX order_journey_open_idx ON order_journey (last_stage_ended_at) WHERE outcome <> 'COMPLETED';

-- Where the indexer has read up to, per service, so a restart resumes instead of starting over.
CREATE TABLE indexer_cursor (
    service     VARCHAR(128) PRIMARY KEY,
    read_until  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
