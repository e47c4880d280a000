package com.jewellery.ordertracing.alerts;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert channels (webhook, e-mail) for other features: a message is written to the outbox, once per
 * configured channel, in the caller's transaction, and delivered and retried like an alert's. Callers check
 * access themselves; the wording's language is {@code portal.alerts.language} ({@link #wording()}).
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final AlertRepository repository;
    private final List<NotificationChannel> channels;
    private final AlertsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(
            AlertRepository repository,
            List<NotificationChannel> channels,
            AlertsProperties properties,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.channels = channels;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** @return how many channels it was queued for */
    @Transactional(propagation = Propagation.MANDATORY)
    public int send(AlertEvent event, NotificationMessage message) {
        String fields = json.writeValueAsString(message.fields());
        List<NotificationChannel> active =
                channels.stream().filter(NotificationChannel::configured).toList();
        if (active.isEmpty()) {
            log.info("No notification channel is configured: '{}' is only shown in the portal", message.subject());
        }
        active.forEach(channel -> repository.enqueue(null, channel.type(), event, message, fields, clock.instant()));
        return active.size();
    }

    /**
     * An e-mail with files to recipients of its own (not {@code portal.alerts.email-to}), in the caller's
     * transaction, delivered and retried like an alert's; the webhook does not get it.
     *
     * @return whether it was queued: false without recipients or without an SMTP server ({@code spring.mail.host})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sendEmail(
            AlertEvent event, NotificationMessage message, List<String> recipients, List<Attachment> attachments) {
        boolean reachable = channels.stream()
                .anyMatch(channel -> channel.type() == ChannelType.EMAIL && channel.reaches(recipients));
        if (!reachable) {
            log.info("No SMTP server or no recipients: '{}' is not mailed", message.subject());
            return false;
        }
        long id = repository.enqueue(
                null,
                ChannelType.EMAIL,
                event,
                message,
                json.writeValueAsString(message.fields()),
                List.copyOf(recipients),
                clock.instant());
        attachments.forEach(file -> repository.attach(id, file));
        return true;
    }

    /** Texts in the notifications' language. */
    public AlertWording wording() {
        return new AlertWording(properties.language());
    }

    /** The portal's address for links in notifications. */
    public String portalUrl() {
        return properties.portalUrl();
    }
}
