package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Spring wiring: {@code portal.jaeger.*} binds with its defaults, the client reaches the real Jaeger,
 * the channel closes with the context.
 */
class JaegerConfigurationIT {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(JaegerConfiguration.class);

    @Test
    void defaultsPointAtTheLocalJaeger() {
        context.run(beans -> {
            JaegerProperties properties = beans.getBean(JaegerProperties.class);
            assertThat(properties.endpoint()).isEqualTo("127.0.0.1:16685");
            assertThat(properties.tls()).isFalse();
            assertThat(properties.caFile()).isNull();
            assertThat(properties.deadline()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.searchDepth()).isEqualTo(1000);
            assertThat(properties.uiBaseUrl()).isEqualTo(URI.create("http://localhost:16686"));
            assertThatNoException().isThrownBy(() -> beans.getBean(JaegerClient.class).services());
        });
    }

    @Test
    void propertiesOverrideTheDefaultsAndTheChannelClosesWithTheContext() {
        AtomicReference<JaegerChannel> channel = new AtomicReference<>();
        context.withPropertyValues("portal.jaeger.deadline=3s", "portal.jaeger.search-depth=20")
                .run(beans -> {
                    assertThat(beans.getBean(JaegerProperties.class).clientSettings())
                            .isEqualTo(new JaegerClientSettings(Duration.ofSeconds(3), 20));
                    channel.set(beans.getBean(JaegerChannel.class));
                });

        assertThat(channel.get().channel().isShutdown()).isTrue();
    }
}
