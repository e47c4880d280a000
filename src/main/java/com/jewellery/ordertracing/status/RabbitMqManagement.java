package com.jewellery.ordertracing.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the broker's own counters from the RabbitMQ management API, with the credentials of
 * {@code portal.status.rabbitmq-uri}. No access checks: counts only, shown through secured services.
 */
@Component
public class RabbitMqManagement {

    private final StatusProperties properties;
    private final JsonMapper json;
    private final HttpClient client;

    RabbitMqManagement(StatusProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client =
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** The counters now; throws with a message that names the setting to check when the API does not answer. */
    public BrokerCounters counters() {
        JsonNode overview = get("/api/overview");
        JsonNode stats = overview.path("message_stats");
        JsonNode queues = get("/api/queues?columns=name,messages");
        return new BrokerCounters(
                stats.path("publish").asLong(0),
                stats.path("deliver_get").asLong(0),
                stats.path("drop_unroutable").asLong(0),
                stats.path("return_unroutable").asLong(0),
                messagesIn(queues, properties.inboxQueue()),
                messagesIn(queues, properties.deadLetterQueue()));
    }

    private static long messagesIn(JsonNode queues, String name) {
        long messages = 0;
        for (JsonNode queue : queues) {
            if (name.equals(queue.path("name").asString())) {
                messages += queue.path("messages").asLong(0);
            }
        }
        return messages;
    }

    private JsonNode get(String path) {
        URI uri = properties.rabbitmqManagementUrl().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + credentials())
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("RabbitMQ's management API at " + uri + " answered HTTP "
                        + response.statusCode() + "; check portal.status.rabbitmq-management-url and the user of "
                        + "portal.status.rabbitmq-uri (it needs the monitoring tag)");
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "RabbitMQ's management API at " + uri + " is not reachable (" + e
                            + "); check portal.status.rabbitmq-management-url and that the management plugin runs",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking RabbitMQ's management API", e);
        }
    }

    private String credentials() {
        String userInfo = URI.create(properties.rabbitmqUri()).getRawUserInfo();
        String decoded = userInfo == null ? "guest:guest" : URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }
}
