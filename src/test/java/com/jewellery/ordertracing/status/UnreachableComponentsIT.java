package com.jewellery.ordertracing.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * Jaeger and RabbitMQ configured at addresses where nothing listens: the portal still starts, and the
 * status page says what is wrong and what to check instead of failing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "portal.jaeger.endpoint=127.0.0.1:1",
            "portal.jaeger.deadline=2s",
            "portal.status.rabbitmq-uri=amqp://guest:guest@127.0.0.1:1"
        })
@ActiveProfiles("it")
class UnreachableComponentsIT {

    @Autowired
    SystemStatusService statusService;

    @Test
    @WithMockUser(roles = "SUPPORT")
    void theStatusPageNamesWhatIsDownAndWhatToCheck() {
        Map<String, ComponentStatus> byName = statusService.currentStatus().components().stream()
                .collect(Collectors.toMap(ComponentStatus::nameKey, Function.identity()));

        ComponentStatus jaeger = byName.get("status.component.jaeger");
        assertThat(jaeger.up()).isFalse();
        assertThat(jaeger.problemKey()).isEqualTo("status.problem.jaeger");
        assertThat(jaeger.detail()).contains("127.0.0.1:1", "portal.jaeger.endpoint");

        ComponentStatus rabbit = byName.get("status.component.rabbitmq");
        assertThat(rabbit.up()).isFalse();
        assertThat(rabbit.detail()).contains("127.0.0.1:1", "portal.status.rabbitmq-uri");

        assertThat(byName.get("status.component.postgres").up()).isTrue();
    }
}
