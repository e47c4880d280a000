package com.jewellery.ordertracing.status;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import org.springframework.stereotype.Component;

/** The broker between CRM and MES: an AMQP handshake proves more than an open port. */
@Component
class RabbitMqStatusCheck implements StatusCheck {

    private final StatusProperties properties;

    RabbitMqStatusCheck(StatusProperties properties) {
        this.properties = properties;
    }

    @Override
    public ComponentStatus check() {
        return TimedCheck.run("status.component.rabbitmq", "status.problem.rabbitmq", this::handshake);
    }

    private TimedCheck.Probe handshake() {
        ConnectionFactory factory = new ConnectionFactory();
        int timeoutMillis = (int) properties.timeout().toMillis();
        factory.setConnectionTimeout(timeoutMillis);
        factory.setHandshakeTimeout(timeoutMillis);
        factory.setAutomaticRecoveryEnabled(false);
        try {
            factory.setUri(properties.rabbitmqUri());
            try (Connection connection = factory.newConnection("order-tracing-portal-status")) {
                Object version = connection.getServerProperties().get("version");
                return new TimedCheck.Probe(
                        "RabbitMQ " + version + " · " + factory.getHost() + ":" + factory.getPort(), List.of());
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "RabbitMQ at " + factory.getHost() + ":" + factory.getPort()
                            + " did not accept a connection (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check portal.status.rabbitmq-uri and that the broker runs",
                    e);
        }
    }

    @Override
    public String nameKey() {
        return "status.component.rabbitmq";
    }

    @Override
    public int order() {
        return 30;
    }
}
