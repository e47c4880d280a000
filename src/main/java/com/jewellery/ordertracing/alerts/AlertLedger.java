package com.jewellery.ordertracing.alerts;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens and resolves alerts and writes their notifications into the outbox, one per configured channel,
 * in the caller's transaction: an alert change and its notifications are stored together or not at all.
 */
@Component
class AlertLedger {

    private static final Logger log = LoggerFactory.getLogger(AlertLedger.class);
    /** The log and the history's {@code summary} column stay English, whatever the notifications speak. */
    private static final AlertWording ENGLISH = AlertWording.english();

    private final AlertRepository repository;
    private final List<NotificationChannel> channels;
    private final AlertsProperties properties;
    private final JsonMapper json;
    private final AlertWording wording;

    AlertLedger(
            AlertRepository repository,
            List<NotificationChannel> channels,
            AlertsProperties properties,
            JsonMapper json) {
        this.repository = repository;
        this.channels = channels;
        this.properties = properties;
        this.json = json;
        this.wording = new AlertWording(properties.language());
    }

    void open(AlertRule rule, Firing firing, Instant at) {
        String english = ENGLISH.text(firing.text());
        long alertId = repository.openAlert(rule, firing, english, at);
        log.warn("Alert opened: {} – {}", rule.name(), english);
        notify(
                AlertEvent.OPENED,
                alertId,
                rule,
                firing.key(),
                wording.text(firing.text()),
                firing.value(),
                at,
                link(firing.orderId()));
    }

    void resolve(AlertRule rule, long alertId, Instant at, String resolution) {
        AlertRecord alert = repository.resolveAlert(alertId, at, resolution);
        log.info("Alert resolved ({}): {} – {}", resolution, rule.name(), alert.summary());
        String orderId = rule.kind() == AlertRuleKind.CRITICAL_ERROR ? alert.problemKey() : null;
        String summary = (alert.text() == null ? alert.summary() : wording.text(alert.text())) + " ("
                + wording.format("alerts.resolution." + resolution.replace(' ', '_')) + ")";
        notify(AlertEvent.RESOLVED, alertId, rule, alert.problemKey(), summary, alert.value(), at, link(orderId));
    }

    private void notify(
            AlertEvent event,
            long alertId,
            AlertRule rule,
            String key,
            String summary,
            Double value,
            Instant at,
            String link) {
        NotificationMessage message =
                NotificationMessage.of(wording, event, alertId, rule, key, summary, value, at, link);
        String fields = json.writeValueAsString(message.fields());
        List<NotificationChannel> active =
                channels.stream().filter(NotificationChannel::configured).toList();
        if (active.isEmpty()) {
            log.warn(
                    "No notification channel is configured (portal.alerts.webhook-url, portal.alerts.email-to):"
                            + " alert {} is only shown in the portal",
                    alertId);
        }
        active.forEach(channel -> repository.enqueue(alertId, channel.type(), event, message, fields, at));
    }

    private String link(String orderId) {
        return properties.portalUrl() + (orderId == null ? "/lost" : "/orders/" + orderId);
    }
}
