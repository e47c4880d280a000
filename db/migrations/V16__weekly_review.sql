-- The weekly analytics review (issue 13): one row per ISO week and version. Generating a week again adds a
-- version and keeps the earlier ones; the scheduled run only ever writes version 1 (insert-if-absent under an
-- advisory lock, and this key refuses a second one from another portal instance).
CREATE TABLE weekly_review (
    id           BIGSERIAL PRIMARY KEY,
    week         VARCHAR(8)    NOT NULL,
    version      INTEGER       NOT NULL,
    zone         VARCHAR(64)   NOT NULL,
    period_from  TIMESTAMPTZ   NOT NULL,
    period_to    TIMESTAMPTZ   NOT NULL,
    has_data     BOOLEAN       NOT NULL,
    figures      JSONB         NOT NULL,
    generated_at TIMESTAMPTZ   NOT NULL,
    generated_by VARCHAR(255)  NOT NULL,
    CONSTRAINT weekly_review_week_format CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    CONSTRAINT weekly_review_version_positive CHECK (version >= 1),
    CONSTRAINT weekly_review_once UNIQUE (week, version)
);

-- Analysts' commentary, per week (it outlives a regeneration) and section; version for optimistic locking.
CREATE TABLE weekly_review_comment (
    week       VARCHAR(8)     NOT NULL,
    section    VARCHAR(32)    NOT NULL,
    text       VARCHAR(20000) NOT NULL,
    version    BIGINT         NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL,
    updated_by VARCHAR(255)   NOT NULL,
    PRIMARY KEY (week, section)
);

-- Commentary changes go to the audit log.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_type_known;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_type_known
    CHECK (event_type IN ('SIGN_IN', 'SIGN_OUT', 'ACCESS_DENIED', 'INCIDENT', 'REVIEW'));
