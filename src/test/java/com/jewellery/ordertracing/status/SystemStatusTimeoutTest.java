package com.jewellery.ordertracing.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.SilentServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The status page answers within {@code portal.status.timeout} when components accept connections and
 * never reply: a database that hangs (the driver would wait for its first answer for ever) and a broker
 * that hangs are shown as not answering, and the page does not wait for them.
 */
class SystemStatusTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void hungComponentsAreReportedAfterTheProbeTimeoutNotLater() throws Exception {
        try (SilentServer database = new SilentServer();
                SilentServer broker = new SilentServer()) {
            StatusProperties properties = new StatusProperties(
                    "amqp://guest:guest@" + broker.address(),
                    TIMEOUT,
                    URI.create("http://" + broker.address()),
                    null,
                    null);
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    "jdbc:postgresql://" + database.address() + "/portal", "portal", "portal");
            SystemStatusService service = new SystemStatusService(
                    List.of(new PostgresStatusCheck(new JdbcTemplate(dataSource)), new RabbitMqStatusCheck(properties)),
                    properties,
                    Clock.systemUTC());

            long started = System.nanoTime();
            SystemStatus status = service.currentStatus();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(TIMEOUT.plusMillis(900));
            Map<String, ComponentStatus> byName = status.components().stream()
                    .collect(Collectors.toMap(ComponentStatus::nameKey, Function.identity()));
            ComponentStatus postgres = byName.get("status.component.postgres");
            assertThat(postgres.up()).isFalse();
            assertThat(postgres.problemKey()).isEqualTo("fault.status.timeout");
            assertThat(postgres.detail()).contains("portal.status.timeout");
            assertThat(database.connections())
                    .as("the database was really asked")
                    .isPositive();
            ComponentStatus rabbit = byName.get("status.component.rabbitmq");
            assertThat(rabbit.up()).isFalse();
            assertThat(rabbit.latency()).isLessThanOrEqualTo(TIMEOUT.plusMillis(900));
        }
    }

    @Test
    void answeringComponentsKeepTheirOwnRow() {
        StatusCheck quick = new StatusCheck() {
            @Override
            public ComponentStatus check() {
                return ComponentStatus.up(
                        "status.component.postgres", "PostgreSQL 18", Duration.ofMillis(1), List.of());
            }
        };
        SystemStatusService service = new SystemStatusService(
                List.of(quick), new StatusProperties(null, TIMEOUT, null, null, null), Clock.systemUTC());

        assertThat(service.currentStatus().components())
                .singleElement()
                .satisfies(row -> assertThat(row.up()).isTrue())
                .satisfies(row -> assertThat(row.detail()).isEqualTo("PostgreSQL 18"));
    }
}
