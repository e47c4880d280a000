package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rules, alerts and the notification outbox in PostgreSQL. Callers own the transactions. */
@Repository
class AlertRepository {

    private final NamedParameterJdbcTemplate jdbc;

    AlertRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- rules

    List<AlertRule> rules() {
        return jdbc.query("SELECT * FROM alert_rule ORDER BY name", AlertRepository::rule);
    }

    List<AlertRule> enabledRules() {
        return jdbc.query("SELECT * FROM alert_rule WHERE enabled ORDER BY id", AlertRepository::rule);
    }

    Optional<AlertRule> rule(long id) {
        return jdbc.query("SELECT * FROM alert_rule WHERE id = :id", Map.of("id", id), AlertRepository::rule).stream()
                .findFirst();
    }

    boolean nameTaken(String name, Long exceptId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM alert_rule WHERE lower(name) = lower(:name)" + " AND id <> :id",
                new MapSqlParameterSource("name", name).addValue("id", exceptId == null ? -1 : exceptId),
                Integer.class);
        return count != null && count > 0;
    }

    long insertRule(AlertRuleInput input, Instant at, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO alert_rule (name, kind, stage, threshold, window_minutes, enabled, updated_at, updated_by)
                VALUES (:name, :kind, :stage, :threshold, :window, :enabled, :at, :by)""", ruleParams(input, at, by), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    void updateRule(long id, AlertRuleInput input, Instant at, String by) {
        jdbc.update("""
                UPDATE alert_rule SET name = :name, kind = :kind, stage = :stage, threshold = :threshold,
                    window_minutes = :window, enabled = :enabled, updated_at = :at, updated_by = :by
                WHERE id = :id""", ruleParams(input, at, by).addValue("id", id));
    }

    void deleteRule(long id) {
        jdbc.update("DELETE FROM alert_rule WHERE id = :id", Map.of("id", id));
    }

    /** Serializes evaluations of one rule across portal instances, until the transaction ends. */
    boolean tryLockRule(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(5005, CAST(:id AS integer))", Map.of("id", id), Boolean.class));
    }

    // --- alerts

    /** Open alerts of the rule: problem key to alert id. */
    Map<String, Long> openAlerts(long ruleId) {
        Map<String, Long> open = new LinkedHashMap<>();
        jdbc.query(
                "SELECT id, problem_key FROM alert WHERE rule_id = :rule AND resolved_at IS NULL ORDER BY id",
                Map.of("rule", ruleId),
                rs -> {
                    open.put(rs.getString("problem_key"), rs.getLong("id"));
                });
        return open;
    }

    /** @param summary the firing's text in English, for readers of the table without the bundles */
    long openAlert(AlertRule rule, Firing firing, String summary, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                """
                INSERT INTO alert (rule_id, rule_name, kind, problem_key, summary, summary_key, summary_stage,
                    summary_args, value, opened_at)
                VALUES (:rule, :name, :kind, :key, :summary, :summaryKey, :summaryStage, :summaryArgs, :value, :at)""",
                new MapSqlParameterSource("rule", rule.id())
                        .addValue("name", rule.name())
                        .addValue("kind", rule.kind().name())
                        .addValue("key", firing.key())
                        .addValue("summary", summary)
                        .addValue("summaryKey", firing.text().key())
                        .addValue("summaryStage", firing.text().stage())
                        .addValue("summaryArgs", firing.text().args().toArray(String[]::new))
                        .addValue("value", firing.value())
                        .addValue("at", SqlTimes.timestamp(at)),
                key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    AlertRecord resolveAlert(long alertId, Instant at, String resolution) {
        return jdbc.queryForObject(
                """
                UPDATE alert SET resolved_at = :at, resolution = :resolution WHERE id = :id RETURNING *""",
                new MapSqlParameterSource("id", alertId)
                        .addValue("at", SqlTimes.timestamp(at))
                        .addValue("resolution", resolution),
                AlertRepository::alert);
    }

    List<AlertRecord> history(int offset, int limit) {
        return jdbc.query(
                "SELECT * FROM alert ORDER BY opened_at DESC, id DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset),
                AlertRepository::alert);
    }

    Optional<AlertRecord> alert(long id) {
        return jdbc.query("SELECT * FROM alert WHERE id = :id", Map.of("id", id), AlertRepository::alert).stream()
                .findFirst();
    }

    long historyCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM alert", Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    List<AlertRecord> alertsOfRule(long ruleId) {
        return jdbc.query(
                "SELECT * FROM alert WHERE rule_id = :rule ORDER BY id",
                Map.of("rule", ruleId),
                AlertRepository::alert);
    }

    // --- outbox

    /** @param alertId null for a notification of no alert (an incident's) */
    void enqueue(
            Long alertId,
            ChannelType channel,
            AlertEvent event,
            NotificationMessage message,
            String fieldsJson,
            Instant at) {
        enqueue(alertId, channel, event, message, fieldsJson, null, at);
    }

    /**
     * @param recipients the notification's own e-mail addresses; null: the channel's
     * @return its id
     */
    long enqueue(
            Long alertId,
            ChannelType channel,
            AlertEvent event,
            NotificationMessage message,
            String fieldsJson,
            List<String> recipients,
            Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                """
                INSERT INTO alert_notification (alert_id, channel, event, subject, body, fields, status, attempts,
                    next_attempt_at, created_at, recipients)
                VALUES (:alert, :channel, :event, :subject, :body, CAST(:fields AS jsonb), 'PENDING', 0, :at, :at,
                    :recipients)""",
                new MapSqlParameterSource("alert", alertId)
                        .addValue("channel", channel.name())
                        .addValue("event", event.name())
                        .addValue("subject", message.subject())
                        .addValue("body", message.body())
                        .addValue("fields", fieldsJson)
                        .addValue("recipients", recipients == null ? null : recipients.toArray(String[]::new))
                        .addValue("at", SqlTimes.timestamp(at)),
                key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    void attach(long notificationId, Attachment file) {
        jdbc.update(
                """
                INSERT INTO alert_notification_attachment (notification_id, file_name, content_type, content)
                VALUES (:notification, :name, :type, :content)""",
                new MapSqlParameterSource("notification", notificationId)
                        .addValue("name", file.fileName())
                        .addValue("type", file.contentType())
                        .addValue("content", file.content()));
    }

    List<Attachment> attachments(long notificationId) {
        return jdbc.query(
                "SELECT file_name, content_type, content FROM alert_notification_attachment "
                        + "WHERE notification_id = :notification ORDER BY id",
                Map.of("notification", notificationId),
                (rs, row) -> new Attachment(
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")));
    }

    /**
     * Takes up to {@code limit} due notifications and pushes their due time past {@code leaseUntil}, so
     * another instance (or the next run) does not send them at the same time; the lease ends with a result.
     */
    List<OutboxNotification> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.query(
                """
                UPDATE alert_notification SET next_attempt_at = :lease
                WHERE id IN (SELECT id FROM alert_notification
                             WHERE status = 'PENDING' AND next_attempt_at <= :now
                             ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING *""",
                new MapSqlParameterSource("now", SqlTimes.timestamp(now))
                        .addValue("lease", SqlTimes.timestamp(leaseUntil))
                        .addValue("limit", limit),
                AlertRepository::notification);
    }

    void markDelivered(long id, Instant at) {
        jdbc.update("""
                UPDATE alert_notification SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at,
                    last_error = NULL WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("at", SqlTimes.timestamp(at)));
    }

    void markFailed(long id, String error, Instant nextAttemptAt, boolean giveUp) {
        jdbc.update(
                """
                UPDATE alert_notification SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                    status = CASE WHEN :giveUp THEN 'GAVE_UP' ELSE 'PENDING' END WHERE id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("error", error)
                        .addValue("next", SqlTimes.timestamp(nextAttemptAt))
                        .addValue("giveUp", giveUp));
    }

    List<OutboxNotification> notifications(int offset, int limit) {
        return jdbc.query(
                "SELECT * FROM alert_notification ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset),
                AlertRepository::notification);
    }

    List<OutboxNotification> notificationsOf(long alertId) {
        return jdbc.query(
                "SELECT * FROM alert_notification WHERE alert_id = :alert ORDER BY id",
                Map.of("alert", alertId),
                AlertRepository::notification);
    }

    // --- mapping

    private static MapSqlParameterSource ruleParams(AlertRuleInput input, Instant at, String by) {
        return new MapSqlParameterSource("name", input.name())
                .addValue("kind", input.kind().name())
                .addValue("stage", input.stage())
                .addValue("threshold", input.threshold() == null ? BigDecimal.ZERO : input.threshold())
                .addValue("window", input.windowMinutes())
                .addValue("enabled", input.enabled())
                .addValue("at", SqlTimes.timestamp(at))
                .addValue("by", by);
    }

    private static AlertRule rule(ResultSet rs, int row) throws SQLException {
        return new AlertRule(
                rs.getLong("id"),
                rs.getString("name"),
                AlertRuleKind.valueOf(rs.getString("kind")),
                rs.getString("stage"),
                rs.getBigDecimal("threshold"),
                rs.getInt("window_minutes"),
                rs.getBoolean("enabled"),
                SqlTimes.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    private static AlertText text(ResultSet rs) throws SQLException {
        String key = rs.getString("summary_key");
        return key == null
                ? null
                : new AlertText(key, rs.getString("summary_stage"), List.of((String[])
                        rs.getArray("summary_args").getArray()));
    }

    private static AlertRecord alert(ResultSet rs, int row) throws SQLException {
        BigDecimal value = rs.getBigDecimal("value");
        return new AlertRecord(
                rs.getLong("id"),
                rs.getString("rule_name"),
                AlertRuleKind.valueOf(rs.getString("kind")),
                rs.getString("problem_key"),
                rs.getString("summary"),
                text(rs),
                value == null ? null : value.doubleValue(),
                SqlTimes.instant(rs, "opened_at"),
                SqlTimes.instant(rs, "resolved_at"),
                rs.getString("resolution"));
    }

    private static OutboxNotification notification(ResultSet rs, int row) throws SQLException {
        return new OutboxNotification(
                rs.getLong("id"),
                rs.getLong("alert_id"),
                ChannelType.valueOf(rs.getString("channel")),
                AlertEvent.valueOf(rs.getString("event")),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("fields"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                SqlTimes.instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                SqlTimes.instant(rs, "created_at"),
                SqlTimes.instant(rs, "delivered_at"),
                recipients(rs),
                List.of());
    }

    private static List<String> recipients(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("recipients");
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
