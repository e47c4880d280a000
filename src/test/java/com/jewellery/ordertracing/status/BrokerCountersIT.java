package com.jewellery.ordertracing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker's own counters from the real RabbitMQ: a message the broker drops as unroutable (what the
 * flow's LOST fault does) shows there, where no trace can show it, and so does a message in the dead-letter
 * queue. Sent in the default virtual host: the overview's counters of a deleted virtual host are gone.
 */
class BrokerCountersIT {

    private static final String DEAD_LETTERS = "broker-counters-it-dlq-" + UUID.randomUUID();

    private final RabbitMqManagement management = new RabbitMqManagement(
            new StatusProperties(null, Duration.ofSeconds(3), null, null, DEAD_LETTERS),
            JsonMapper.builder().build());
    private final BrokerStatusCheck check = new BrokerStatusCheck(management);

    @Test
    void unroutableAndDeadLetteredMessagesAreCountedByTheBroker() throws Exception {
        BrokerCounters before = management.counters();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqp://guest:guest@127.0.0.1:5672");
        String exchange = "broker-counters-it-" + UUID.randomUUID();
        String deadLetters = DEAD_LETTERS;
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            // what the flow's LOST fault does: publish with a routing key no queue is bound for
            channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, false, true, null);
            for (int i = 0; i < 3; i++) {
                channel.basicPublish(exchange, "nobody-listens", null, "order".getBytes(StandardCharsets.UTF_8));
            }
            channel.queueDeclare(deadLetters, false, false, true, null);
            channel.basicPublish("", deadLetters, null, "rejected order".getBytes(StandardCharsets.UTF_8));
            try {
                // the management API refreshes its statistics every few seconds
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            BrokerCounters after = management.counters();
                            assertThat(after.droppedUnroutable() - before.droppedUnroutable())
                                    .isGreaterThanOrEqualTo(3);
                            assertThat(after.deadLettered()).isGreaterThanOrEqualTo(1);
                        });
                ComponentStatus status = check.check();
                assertThat(status.up()).isTrue();
                assertThat(status.problemKey()).isEqualTo("status.problem.brokerUnroutable");
                assertThat(status.facts())
                        .extracting(StatusFact::key)
                        .containsExactly("status.fact.brokerQueues", "status.fact.brokerTraffic");
            } finally {
                channel.queueDelete(deadLetters);
            }
        }
    }

    @Test
    void aWrongManagementAddressSaysWhichSettingToCheck() {
        StatusProperties wrong = new StatusProperties(
                null, Duration.ofSeconds(1), java.net.URI.create("http://127.0.0.1:1"), null, null);
        RabbitMqManagement unreachable =
                new RabbitMqManagement(wrong, JsonMapper.builder().build());

        ComponentStatus status = new BrokerStatusCheck(unreachable).check();

        assertThat(status.up()).isFalse();
        assertThat(status.detail())
                .contains("portal.status.rabbitmq-management-url")
                .contains("127.0.0.1:1");
    }
}
