-- Notifications that carry files and go to their own recipients (issue 13: the weekly review is mailed with
-- its PDF to portal.review.mail-to). The webhook channel ignores both.
--
-- recipients: e-mail addresses of this notification; NULL means the channel's configured ones (alerts).
ALTER TABLE alert_notification ADD COLUMN recipients TEXT[];

-- Files attached to a notification, written in the same transaction as it and deleted with it.
CREATE TABLE alert_notification_attachment (
    id              BIGSERIAL PRIMARY KEY,
    notification_id BIGINT        NOT NULL REFERENCES alert_notification (id) ON DELETE CASCADE,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    content         BYTEA         NOT NULL
);

CREATE INDEX alert_notification_attachment_notification_idx ON alert_notification_attachment (notification_id);

-- A new event, WEEKLY_REVIEW. The check is extended rather than restated, so event values that another
-- migration of this release added before this one stay allowed.
DO $$
DECLARE
    previous TEXT;
BEGIN
    SELECT pg_get_constraintdef(oid) INTO previous FROM pg_constraint
    WHERE conname = 'alert_notification_event_known' AND conrelid = 'alert_notification'::regclass;
    ALTER TABLE alert_notification DROP CONSTRAINT alert_notification_event_known;
    EXECUTE 'ALTER TABLE alert_notification ADD CONSTRAINT alert_notification_event_known CHECK (('
        || substring(previous FROM '^CHECK \((.*)\)$') || ') OR event = ''WEEKLY_REVIEW'')';
END $$;
