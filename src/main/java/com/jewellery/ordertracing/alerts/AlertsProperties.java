package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.base.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert evaluation and delivery. The schedule itself is read from {@code portal.alerts.evaluation-interval}
 * and {@code portal.alerts.delivery-interval} by the scheduler.
 *
 * @param portalUrl          the portal's address, for links in notifications
 * @param webhookUrl         where webhook notifications are POSTed (Slack-compatible); empty: no webhook
 * @param webhookTimeout     how long one POST may take
 * @param emailTo            recipients; empty: no e-mail (SMTP itself is {@code spring.mail.*})
 * @param emailFrom          sender address
 * @param retryInitial       first retry delay of a failed delivery
 * @param retryMax           longest retry delay
 * @param maxAttempts        attempts before a notification is given up (logged as an error, shown in the view)
 * @param errorRateMinOrders fewest orders at a stage before its error rate can alert
 * @param maxNewPerRule      most new per-order alerts one rule opens per evaluation; the rest wait for the next
 * @param language           language of notifications (the portal's own screens follow each user); default ru
 */
@ConfigurationProperties("portal.alerts")
public record AlertsProperties(
        String portalUrl,
        String webhookUrl,
        Duration webhookTimeout,
        List<String> emailTo,
        String emailFrom,
        Duration retryInitial,
        Duration retryMax,
        Integer maxAttempts,
        Integer errorRateMinOrders,
        Integer maxNewPerRule,
        Locale language) {

    public AlertsProperties {
        portalUrl = portalUrl == null || portalUrl.isBlank() ? "https://localhost:8443" : portalUrl.strip();
        webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(5) : webhookTimeout;
        emailTo = emailTo == null
                ? List.of()
                : emailTo.stream()
                        .map(String::strip)
                        .filter(to -> !to.isEmpty())
                        .toList();
        emailFrom = emailFrom == null || emailFrom.isBlank() ? "order-portal@localhost" : emailFrom.strip();
        retryInitial = retryInitial == null ? Duration.ofSeconds(30) : retryInitial;
        retryMax = retryMax == null ? Duration.ofMinutes(30) : retryMax;
        maxAttempts = maxAttempts == null ? 48 : maxAttempts;
        errorRateMinOrders = errorRateMinOrders == null ? 10 : errorRateMinOrders;
        maxNewPerRule = maxNewPerRule == null ? 50 : maxNewPerRule;
        language = language == null ? Locale.of("ru") : language;
    }

    public Backoff backoff() {
        return new Backoff(retryInitial, retryMax, maxAttempts);
    }
}
