package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.support.SilentServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Jaeger's status row against a Jaeger that accepts the connection and never answers: it gives up after the
 * status page's probe timeout, not after the indexer's 10 s deadline, and says what to check.
 */
class JaegerStatusTimeoutTest {

    @Test
    void theStatusRowKeepsToTheProbeTimeout() throws Exception {
        Duration probeTimeout = Duration.ofSeconds(1);
        try (SilentServer silent = new SilentServer();
                JaegerChannel channel = JaegerChannel.plaintext(silent.address())) {
            JaegerClient indexerClient = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            JaegerProperties properties =
                    new JaegerProperties(silent.address(), false, null, Duration.ofSeconds(10), 1000, null, null, null);
            JaegerStatusCheck check = new JaegerStatusCheck(indexerClient.withDeadlineAtMost(probeTimeout), properties);

            long started = System.nanoTime();
            ComponentStatus status = check.check();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isBetween(probeTimeout.minusMillis(100), probeTimeout.plusSeconds(1));
            assertThat(status.up()).isFalse();
            assertThat(status.problemKey()).isEqualTo("status.problem.jaeger");
            assertThat(status.detail()).contains(silent.address(), "portal.jaeger");
            assertThat(silent.connections()).isPositive();
        }
    }

    @Test
    void theWiredStatusRowTakesPortalStatusTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            new ApplicationContextRunner()
                    .withUserConfiguration(JaegerConfiguration.class)
                    .withPropertyValues("portal.jaeger.endpoint=" + silent.address(), "portal.status.timeout=1s")
                    .run(beans -> {
                        long started = System.nanoTime();
                        ComponentStatus status =
                                beans.getBean(JaegerStatusCheck.class).check();
                        assertThat(Duration.ofNanos(System.nanoTime() - started))
                                .isLessThan(Duration.ofSeconds(3));
                        assertThat(status.up()).isFalse();
                    });
        }
    }

    @Test
    void aLongerLimitKeepsTheClientsOwnDeadline() {
        try (JaegerChannel channel = JaegerChannel.plaintext("127.0.0.1:1")) {
            JaegerClient client = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            assertThat(client.withDeadlineAtMost(Duration.ofMinutes(1))).isSameAs(client);
            assertThat(client.withDeadlineAtMost(Duration.ofSeconds(3))).isNotSameAs(client);
        }
    }
}
