-- Incidents (issue 10): what support knows about a problem, the orders it hit, and what happened when.
--
-- The key shown to people is INC-<id>. The status columns hold the first (acknowledged, mitigated) or the
-- latest (resolved, closed) moment of each step, so the weekly review reads time to acknowledge, mitigate
-- and resolve from one row; every single transition is also a timeline entry.
CREATE TABLE incident (
    id                        BIGSERIAL PRIMARY KEY,
    title                     VARCHAR(200)   NOT NULL,
    description               VARCHAR(10000),
    severity                  VARCHAR(16)    NOT NULL,
    status                    VARCHAR(16)    NOT NULL,
    assignee                  VARCHAR(255),
    root_cause                VARCHAR(10000),
    resolution_note           VARCHAR(10000),
    merged_into_id            BIGINT         REFERENCES incident (id),
    failures_after_resolution INTEGER        NOT NULL DEFAULT 0,
    reopen_count              INTEGER        NOT NULL DEFAULT 0,
    created_at                TIMESTAMPTZ    NOT NULL,
    created_by                VARCHAR(255)   NOT NULL,
    updated_at                TIMESTAMPTZ    NOT NULL,
    updated_by                VARCHAR(255)   NOT NULL,
    acknowledged_at           TIMESTAMPTZ,
    mitigated_at              TIMESTAMPTZ,
    resolved_at               TIMESTAMPTZ,
    closed_at                 TIMESTAMPTZ,
    canceled_at               TIMESTAMPTZ,
    merged_at                 TIMESTAMPTZ,
    reopened_at               TIMESTAMPTZ,
    version                   BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT incident_severity_known CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT incident_status_known CHECK (status IN
        ('TRIAGE', 'INVESTIGATING', 'MITIGATED', 'RESOLVED', 'CLOSED', 'CANCELED', 'MERGED')),
    CONSTRAINT incident_merged_has_target CHECK ((status = 'MERGED') = (merged_into_id IS NOT NULL)),
    CONSTRAINT incident_not_merged_into_itself CHECK (merged_into_id <> id)
);

CREATE INDEX incident_status_idx ON incident (status, updated_at DESC);
CREATE INDEX incident_created_idx ON incident (created_at);

CREATE TABLE incident_stage (
    incident_id BIGINT      NOT NULL REFERENCES incident (id),
    stage       VARCHAR(64) NOT NULL,
    PRIMARY KEY (incident_id, stage)
);
CREATE INDEX incident_stage_stage_idx ON incident_stage (stage);

CREATE TABLE incident_tag (
    incident_id BIGINT      NOT NULL REFERENCES incident (id),
    tag         VARCHAR(64) NOT NULL,
    PRIMARY KEY (incident_id, tag)
);

-- Orders an incident hit; an order may be in several incidents. announced: a rule-attached order is
-- written to the timeline with the rest of its burst, once the burst is over (IncidentMatcher).
CREATE TABLE incident_order (
    incident_id BIGINT       NOT NULL REFERENCES incident (id),
    order_id    VARCHAR(64)  NOT NULL,
    attached_at TIMESTAMPTZ  NOT NULL,
    attached_by VARCHAR(255) NOT NULL,
    via         VARCHAR(16)  NOT NULL,
    announced   BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (incident_id, order_id),
    CONSTRAINT incident_order_via_known CHECK (via IN ('MANUAL', 'RULE', 'MERGE'))
);
CREATE INDEX incident_order_order_idx ON incident_order (order_id);
-- the incident page's orders, newest attached first, a page at a time
CREATE INDEX incident_order_page_idx ON incident_order (incident_id, attached_at DESC, order_id);
CREATE INDEX incident_order_unannounced_idx ON incident_order (incident_id, attached_at) WHERE NOT announced;

-- The failure fingerprints an incident owns: a new failure with one of them joins the incident.
CREATE TABLE incident_fingerprint (
    incident_id BIGINT        NOT NULL REFERENCES incident (id),
    fingerprint VARCHAR(80)   NOT NULL,
    stage       VARCHAR(64),
    summary     VARCHAR(500)  NOT NULL,
    added_at    TIMESTAMPTZ   NOT NULL,
    added_by    VARCHAR(255)  NOT NULL,
    PRIMARY KEY (incident_id, fingerprint)
);
CREATE INDEX incident_fingerprint_fp_idx ON incident_fingerprint (fingerprint);

-- The fingerprint of every failed order the matcher has seen: what an incident adopting a fingerprint
-- attaches from the recent past, and what the suggestions count.
CREATE TABLE failure_fingerprint (
    order_id    VARCHAR(64)   PRIMARY KEY,
    fingerprint VARCHAR(80)   NOT NULL,
    stage       VARCHAR(64),
    summary     VARCHAR(500)  NOT NULL,
    failed_at   TIMESTAMPTZ   NOT NULL,
    seen_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX failure_fingerprint_fp_idx ON failure_fingerprint (fingerprint, failed_at DESC);
CREATE INDEX failure_fingerprint_failed_idx ON failure_fingerprint (failed_at);

-- How far the matcher has read the failures of the index (one row).
CREATE TABLE incident_matcher_cursor (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    read_until TIMESTAMPTZ NOT NULL
);

-- The timeline: comments and every change, appended, never changed (the trigger refuses it).
CREATE TABLE incident_timeline (
    id          BIGSERIAL PRIMARY KEY,
    incident_id BIGINT        NOT NULL REFERENCES incident (id),
    at          TIMESTAMPTZ   NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    from_value  VARCHAR(255),
    to_value    VARCHAR(255),
    body        VARCHAR(10000),
    order_count INTEGER,
    sample_ids  VARCHAR(1000)
);
CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, at DESC, id DESC);

CREATE FUNCTION incident_timeline_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'incident_timeline is append-only';
END
$$;
CREATE TRIGGER incident_timeline_append_only BEFORE UPDATE OR DELETE ON incident_timeline
    FOR EACH ROW EXECUTE FUNCTION incident_timeline_append_only();

-- Incident changes go to the audit log too.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_type_known;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_type_known
    CHECK (event_type IN ('SIGN_IN', 'SIGN_OUT', 'ACCESS_DENIED', 'INCIDENT'));

-- Incident opened and status changed go out through the alerts' outbox (webhook, e-mail); such a
-- notification belongs to no alert.
ALTER TABLE alert_notification ALTER COLUMN alert_id DROP NOT NULL;
ALTER TABLE alert_notification DROP CONSTRAINT alert_notification_event_known;
ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_event_known
    CHECK (event IN ('OPENED', 'RESOLVED', 'INCIDENT_OPENED', 'INCIDENT_STATUS'));
