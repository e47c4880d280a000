package com.jewellery.ordertracing.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A notification in the outbox.
 *
 * @param id            database id
 * @param alertId       the alert it announces
 * @param channel       where it goes
 * @param event         opened or resolved
 * @param subject       one line
 * @param body          plain text
 * @param fieldsJson    the structured fields as a JSON object
 * @param status        pending, delivered or given up
 * @param attempts      failed and successful attempts so far
 * @param nextAttemptAt when it is due (again)
 * @param lastError     why the last attempt failed
 * @param createdAt     when the alert changed
 * @param deliveredAt   when a channel accepted it
 * @param recipients    e-mail addresses of this notification; empty: the channel's configured ones
 * @param attachments   files it carries (e-mail only); loaded just before delivery, empty in listings
 */
public record OutboxNotification(
        long id,
        long alertId,
        ChannelType channel,
        AlertEvent event,
        String subject,
        String body,
        String fieldsJson,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        List<String> recipients,
        List<Attachment> attachments) {

    public OutboxNotification {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    OutboxNotification withAttachments(List<Attachment> files) {
        return new OutboxNotification(
                id,
                alertId,
                channel,
                event,
                subject,
                body,
                fieldsJson,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                createdAt,
                deliveredAt,
                recipients,
                files);
    }
}
