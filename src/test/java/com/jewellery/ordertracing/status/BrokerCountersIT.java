package com.jewellery.ordertracing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The broker's own counters from the real RabbitMQ: a message the broker drops as unroutable (the flow's
 * LOST fault) shows there, where no trace can show it, and so does a message in the dead-letter queue.
 */
@IntegrationTest
class BrokerCountersIT {

    @Autowired
    private RabbitMqManagement management;
    @Autowired
    private BrokerStatusCheck check;

    @Test
    void unroutableMessagesAreCountedByTheBroker() throws Exception {
        BrokerCounters before = management.counters();

        GroundTruth truth = GeneratedOrders.play(8, "ok=1,lost=1", 20, 1602);
        long lost = truth.orders().stream().filter(sent -> sent.order().outcome() == Outcome.LOST).count();

        assertThat(lost).isPositive();
        // the management API refreshes its statistics every few seconds
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            BrokerCounters after = management.counters();
            assertThat(after.droppedUnroutable() - before.droppedUnroutable()).isGreaterThanOrEqualTo(lost);
            assertThat(after.published() - before.published()).isGreaterThanOrEqualTo(truth.orders().size());
        });
        ComponentStatus status = check.check();
        assertThat(status.up()).isTrue();
        assertThat(status.problemKey()).isEqualTo("status.problem.brokerUnroutable");
        assertThat(status.facts()).extracting(StatusFact::key)
                .containsExactly("status.fact.brokerQueues", "status.fact.brokerTraffic");
    }

    @Test
    void aWrongManagementAddressSaysWhichSettingToCheck() {
        StatusProperties wrong = new StatusProperties(null, Duration.ofSeconds(1),
                java.net.URI.create("http://127.0.0.1:1"), null, null);
        RabbitMqManagement unreachable = new RabbitMqManagement(wrong, tools.jackson.databind.json.JsonMapper.builder()
                .build());

        ComponentStatus status = new BrokerStatusCheck(unreachable).check();

        assertThat(status.up()).isFalse();
        assertThat(status.detail()).contains("portal.status.rabbitmq-management-url").contains("127.0.0.1:1");
    }
}
