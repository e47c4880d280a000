package com.jewellery.orderflow;

import com.jewellery.orderflow.instrumentation.RabbitTopology;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Gives a test its own RabbitMQ virtual host, so its MES never takes messages of a demo running
 * against the same broker (and the other way round), and counts messages in its queues.
 */
final class RabbitAdmin {

    private static final String USER = "guest";
    private static final String PASSWORD = "guest";

    private final URI managementUri;
    private final String amqpUri;
    private final String virtualHost;

    RabbitAdmin(URI managementUri, String amqpHostAndPort, String virtualHost) {
        this.managementUri = managementUri;
        this.amqpUri = "amqp://" + USER + ":" + PASSWORD + "@" + amqpHostAndPort + "/" + virtualHost;
        this.virtualHost = virtualHost;
    }

    /** The AMQP URI of the virtual host, for {@link FlowSettings}. */
    String amqpUri() {
        return amqpUri;
    }

    /** Creates the virtual host if needed and empties it of the flow's queues. */
    void freshVirtualHost() throws Exception {
        put("/api/vhosts/" + virtualHost, "");
        put("/api/permissions/" + virtualHost + "/" + USER, "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        try (Connection connection = connect();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(RabbitTopology.INBOX_QUEUE);
            channel.queueDelete(RabbitTopology.DEAD_LETTER);
        }
    }

    long messageCount(String queue) throws Exception {
        try (Connection connection = connect();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        return factory.newConnection("orderflow-it-admin");
    }

    private void put(String path, String body) throws IOException, InterruptedException {
        String credentials =
                Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            response = client.send(
                    HttpRequest.newBuilder(managementUri.resolve(path))
                            .header("Authorization", "Basic " + credentials)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() >= 300) {
            throw new IOException("RabbitMQ management answered " + response.statusCode() + " to PUT " + path + ": "
                    + response.body());
        }
    }
}
