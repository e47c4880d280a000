-- Lost orders and alerts (issue 5). Numbered 10 to stay clear of the indexer's migrations.
--
-- The lost-orders list reads only open orders: completed ones, the vast majority, are never touched.
-- This partial index carries every column the classification needs, so counts (list total, per stage
-- and reason) are index-only scans; first_seen first serves the time-range filter.
CREATE INDEX order_journey_open_cover_idx ON order_journey (first_seen)
    INCLUDE (last_stage, last_stage_ended_at, outcome, order_id) WHERE outcome <> 'COMPLETED';

-- The alert on failed orders looks for recent failures per stage:
CREATE INDEX order_journey_failed_idx ON order_journey (last_stage, last_stage_ended_at) WHERE outcome = 'FAILED';

-- Alert rules, edited by administrators in the portal.
CREATE TABLE alert_rule (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100)  NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    stage          VARCHAR(64),
    threshold      NUMERIC(12, 2) NOT NULL,
    window_minutes INTEGER       NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    updated_by     VARCHAR(255)  NOT NULL,
    CONSTRAINT alert_rule_name_unique UNIQUE (name),
    CONSTRAINT alert_rule_kind_known CHECK (kind IN ('CRITICAL_ERROR', 'STUCK_COUNT', 'ERROR_RATE')),
    CONSTRAINT alert_rule_threshold_sane CHECK (threshold >= 0),
    CONSTRAINT alert_rule_window_sane CHECK (window_minutes BETWEEN 1 AND 10080)
);

-- One row per problem an alert rule found: open while resolved_at is null. History outlives the rule.
CREATE TABLE alert (
    id          BIGSERIAL PRIMARY KEY,
    rule_id     BIGINT        REFERENCES alert_rule (id) ON DELETE SET NULL,
    rule_name   VARCHAR(100)  NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    problem_key VARCHAR(200)  NOT NULL,
    summary     TEXT          NOT NULL,
    value       NUMERIC(14, 2),
    opened_at   TIMESTAMPTZ   NOT NULL,
    resolved_at TIMESTAMPTZ,
    resolution  VARCHAR(200)
);

-- At most one open alert per rule and problem, even with several portal instances evaluating.
CREATE UNIQUE INDEX alert_open_unique ON alert (rule_id, problem_key) WHERE resolved_at IS NULL;
CREATE INDEX alert_opened_idx ON alert (opened_at DESC, id DESC);

-- The outbox: every notification is written with the alert change in one transaction, then delivered
-- and retried with backoff until it succeeds or runs out of attempts (GAVE_UP, logged and shown).
CREATE TABLE alert_notification (
    id              BIGSERIAL PRIMARY KEY,
    alert_id        BIGINT        NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    channel         VARCHAR(16)   NOT NULL,
    event           VARCHAR(16)   NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            TEXT          NOT NULL,
    fields          JSONB         NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT alert_notification_channel_known CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    CONSTRAINT alert_notification_event_known CHECK (event IN ('OPENED', 'RESOLVED')),
    CONSTRAINT alert_notification_status_known CHECK (status IN ('PENDING', 'DELIVERED', 'GAVE_UP'))
);

CREATE INDEX alert_notification_due_idx ON alert_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX alert_notification_alert_idx ON alert_notification (alert_id);

-- Starting rules; administrators change or disable them in the portal.
INSERT INTO alert_rule (name, kind, stage, threshold, window_minutes, enabled, updated_at, updated_by) VALUES
    ('Any failed order', 'CRITICAL_ERROR', NULL, 0, 60, TRUE, now(), 'migration'),
    ('More than 10 orders stuck', 'STUCK_COUNT', NULL, 10, 1440, TRUE, now(), 'migration'),
    ('Error rate above 5 % at a stage', 'ERROR_RATE', NULL, 5, 15, TRUE, now(), 'migration');
