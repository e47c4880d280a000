package com.jewellery.ordertracing.alerts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of one alert notification, the same for every channel.
 *
 * @param subject one line
 * @param body    plain text for people
 * @param fields  structured fields for machines (webhook JSON)
 */
public record NotificationMessage(String subject, String body, Map<String, Object> fields) {

    public NotificationMessage {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The notification of an alert that opened or resolved: subject and body in the wording's language,
     * the fields (for machines) in codes and ids.
     *
     * @param summary the alert's text in the wording's language
     */
    public static NotificationMessage of(
            AlertWording wording,
            AlertEvent event,
            long alertId,
            AlertRule rule,
            String problemKey,
            String summary,
            Double value,
            Instant at,
            String link) {
        boolean opened = event == AlertEvent.OPENED;
        String verb = wording.format(opened ? "alerts.notification.opened" : "alerts.notification.resolved");
        String subject = wording.format("alerts.notification.subject", verb, rule.name(), summary);
        String ruleLine = wording.format("alerts.kind." + rule.kind().name())
                + (rule.stage() == null ? "" : ", " + wording.stage(rule.stage()));
        String body = verb + ": " + summary + "\n"
                + wording.format("alerts.notification.rule", rule.name(), ruleLine) + "\n"
                + wording.format(opened ? "alerts.notification.since" : "alerts.notification.clearedAt", at) + "\n"
                + wording.format("alerts.notification.details", link) + "\n";
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event.name());
        fields.put("alertId", alertId);
        fields.put("rule", rule.name());
        fields.put("kind", rule.kind().name());
        fields.put("stage", rule.stage());
        fields.put("problemKey", problemKey);
        fields.put("summary", summary);
        fields.put("value", value);
        fields.put("threshold", rule.threshold());
        fields.put(event == AlertEvent.OPENED ? "openedAt" : "resolvedAt", at.toString());
        fields.put("link", link);
        return new NotificationMessage(
                subject.length() > 300 ? subject.substring(0, 297) + "..." : subject, body, fields);
    }
}
