-- Alert texts in the reader's language: an alert keeps its text as a translation key with arguments, so the
-- history shows it in each user's language and notifications go out in portal.alerts.language. summary
-- stays, in English, for the log and for anyone reading the table; alerts opened before have no key and
-- are shown with it.
ALTER TABLE alert
    ADD COLUMN summary_key   VARCHAR(100),
    ADD COLUMN summary_stage VARCHAR(64),
    ADD COLUMN summary_args  TEXT[];
