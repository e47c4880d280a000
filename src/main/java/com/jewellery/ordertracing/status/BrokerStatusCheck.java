package com.jewellery.ordertracing.status;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The broker's own counts on the status page: queue depth, dead letters, and messages dropped as
 * unroutable, which are real losses between CRM and MES that no trace shows.
 */
@Component
class BrokerStatusCheck implements StatusCheck {

    private final RabbitMqManagement management;

    BrokerStatusCheck(RabbitMqManagement management) {
        this.management = management;
    }

    @Override
    public ComponentStatus check() {
        long started = System.nanoTime();
        try {
            BrokerCounters counters = management.counters();
            List<StatusFact> facts = List.of(
                    StatusFact.of("status.fact.brokerQueues", counters.inbox(), counters.deadLettered()),
                    StatusFact.of(
                            "status.fact.brokerTraffic",
                            counters.published(),
                            counters.delivered(),
                            counters.unroutable()));
            return new ComponentStatus(
                    "status.component.broker",
                    true,
                    counters.unroutable() > 0 ? "status.problem.brokerUnroutable" : null,
                    facts,
                    "RabbitMQ management API",
                    since(started),
                    List.of());
        } catch (RuntimeException e) {
            return ComponentStatus.down(
                    "status.component.broker", "status.problem.broker", e.getMessage(), since(started));
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    @Override
    public String nameKey() {
        return "status.component.broker";
    }

    @Override
    public int order() {
        return 35;
    }
}
