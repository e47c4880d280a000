-- Time ranges an admin (or portal.index.backfill) asked the indexer to read again, e.g. after Jaeger was
-- re-filled from an archive. Whichever portal instance holds the indexer lock works through them in
-- window steps; done_until records its progress so a restart or a lock takeover resumes, not restarts.
CREATE TABLE indexer_backfill (
    id            BIGSERIAL    PRIMARY KEY,
    range_from    TIMESTAMPTZ  NOT NULL,
    range_to      TIMESTAMPTZ  NOT NULL,
    done_until    TIMESTAMPTZ  NOT NULL,
    requested_by  VARCHAR(255) NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    CONSTRAINT indexer_backfill_range CHECK (range_from < range_to),
    CONSTRAINT indexer_backfill_progress CHECK (done_until >= range_from AND done_until <= range_to)
);

CREATE INDEX indexer_backfill_pending_idx ON indexer_backfill (id) WHERE finished_at IS NULL;
