package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.alerts.AlertEvent;
import com.jewellery.ordertracing.alerts.AlertWording;
import com.jewellery.ordertracing.alerts.NotificationMessage;
import com.jewellery.ordertracing.alerts.Outbox;
import com.jewellery.ordertracing.incidents.domain.IncidentKeys;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Incident opened" and "status changed" to the alert channels, in {@code portal.alerts.language}, written to
 * the outbox in the change's own transaction: the notification goes out if and only if the change was saved.
 */
@Component
class IncidentNotifier {

    private final Outbox outbox;

    IncidentNotifier(Outbox outbox) {
        this.outbox = outbox;
    }

    void opened(Incident incident, String by) {
        AlertWording wording = outbox.wording();
        String key = IncidentKeys.of(incident.id());
        String severity =
                wording.format("incident.severity." + incident.severity().name());
        String subject = wording.format("incident.notification.opened", key, severity, incident.title());
        String body = subject + "\n" + wording.format("incident.notification.by", by) + "\n"
                + wording.format("incident.notification.link", link(key)) + "\n";
        outbox.send(AlertEvent.INCIDENT_OPENED, message(subject, body, fields(incident, "OPENED", null, by)));
    }

    void statusChanged(Incident incident, IncidentStatus from, String by) {
        AlertWording wording = outbox.wording();
        String key = IncidentKeys.of(incident.id());
        String subject = wording.format(
                "incident.notification.status",
                key,
                incident.title(),
                wording.format("incident.status." + from.name()),
                wording.format("incident.status." + incident.status().name()));
        String body = subject + "\n" + wording.format("incident.notification.by", by) + "\n"
                + wording.format("incident.notification.link", link(key)) + "\n";
        outbox.send(AlertEvent.INCIDENT_STATUS, message(subject, body, fields(incident, "STATUS", from, by)));
    }

    private Map<String, Object> fields(Incident incident, String event, IncidentStatus from, String by) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "INCIDENT_" + event);
        fields.put("incident", IncidentKeys.of(incident.id()));
        fields.put("title", incident.title());
        fields.put("severity", incident.severity().name());
        fields.put("from", from == null ? null : from.name());
        fields.put("status", incident.status().name());
        fields.put("by", by);
        fields.put("link", link(IncidentKeys.of(incident.id())));
        return fields;
    }

    private static NotificationMessage message(String subject, String body, Map<String, Object> fields) {
        return new NotificationMessage(
                subject.length() > 300 ? subject.substring(0, 297) + "..." : subject, body, fields);
    }

    private String link(String key) {
        return outbox.portalUrl() + "/incidents/" + key;
    }
}
