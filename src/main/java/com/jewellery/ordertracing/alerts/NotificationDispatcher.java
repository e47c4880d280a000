package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.base.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due notifications from the outbox. A failed delivery is logged and retried with exponential
 * backoff; after the last attempt it is marked GAVE_UP and logged as an error, never dropped silently.
 */
@Component
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AlertRepository repository;
    private final Map<ChannelType, NotificationChannel> channels;
    private final Backoff backoff;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NotificationDispatcher(
            AlertRepository repository,
            List<NotificationChannel> channels,
            AlertsProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::type, Function.identity()));
        this.backoff = properties.backoff();
        this.transaction = transaction;
        this.clock = clock;
    }

    void deliverDue() {
        deliverDue(clock.instant());
    }

    /** Sends what is due at {@code now}; returns how many were delivered. */
    int deliverDue(Instant now) {
        List<OutboxNotification> due = transaction.execute(status -> repository.claimDue(now, now.plus(LEASE), BATCH));
        int delivered = 0;
        for (OutboxNotification notification : due) {
            if (deliver(notification, now)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxNotification notification, Instant now) {
        try {
            // the files are read only now: claiming a batch does not carry every PDF through memory
            channels.get(notification.channel())
                    .send(notification.withAttachments(repository.attachments(notification.id())));
            repository.markDelivered(notification.id(), now);
            log.info(
                    "Alert notification {} ({} {}) delivered",
                    notification.id(),
                    notification.channel(),
                    notification.event());
            return true;
        } catch (NotificationChannel.DeliveryException | RuntimeException e) {
            int attempts = notification.attempts() + 1;
            boolean giveUp = backoff.exhausted(attempts);
            Instant next = now.plus(backoff.delayAfter(attempts));
            repository.markFailed(notification.id(), e.getMessage(), next, giveUp);
            if (giveUp) {
                log.error(
                        "Alert notification {} ({} {}) given up after {} attempts: {}",
                        notification.id(),
                        notification.channel(),
                        notification.event(),
                        attempts,
                        e.getMessage());
            } else {
                log.warn(
                        "Alert notification {} ({} {}) failed (attempt {}), retry at {}: {}",
                        notification.id(),
                        notification.channel(),
                        notification.event(),
                        attempts,
                        next,
                        e.getMessage());
            }
            return false;
        }
    }
}
