package com.jewellery.ordertracing.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs JSON to a webhook: {@code text} for Slack and anything Slack-compatible, plus {@code alert} with
 * the structured fields for other receivers. Anything but a 2xx answer is a failed delivery.
 */
@Component
class WebhookChannel implements NotificationChannel {

    private static final int ERROR_BODY_MAX = 200;

    private final AlertsProperties properties;
    private final JsonMapper json;
    private final HttpClient client;

    WebhookChannel(AlertsProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .build();
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public boolean configured() {
        return !properties.webhookUrl().isEmpty();
    }

    @Override
    public void send(OutboxNotification notification) throws DeliveryException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", notification.subject() + "\n" + notification.body());
        payload.put("alert", json.readValue(notification.fieldsJson(), Map.class));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhookUrl()))
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("webhook " + properties.webhookUrl() + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while calling the webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new DeliveryException("webhook " + properties.webhookUrl() + " answered HTTP " + response.statusCode()
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(ERROR_BODY_MAX, body.length()))));
        }
    }
}
