-- Who signed in, who signed out, who was refused a view: kept for the admins.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    username    VARCHAR(255) NOT NULL,
    event_type  VARCHAR(32)  NOT NULL,
    detail      VARCHAR(1000),
    CONSTRAINT audit_event_type_known CHECK (event_type IN ('SIGN_IN', 'SIGN_OUT', 'ACCESS_DENIED'))
);

CREATE INDEX audit_event_occurred_at_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_type_idx ON audit_event (event_type, occurred_at DESC);
