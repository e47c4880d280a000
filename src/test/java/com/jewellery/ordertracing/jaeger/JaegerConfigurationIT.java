package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jewellery.ordertracing.support.StackJaeger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Spring wiring, judged by what the client does with each {@code portal.jaeger.*} setting against the
 * real Jaeger of {@code bin/stack}: the default endpoint reaches it, the search depth caps a search, the
 * deadline, endpoint and TLS settings reach the channel and fail the way their messages promise, and the
 * channel closes with the context. Three traces are sent under a service name of this run only.
 */
class JaegerConfigurationIT {

    private static final String SERVICE =
            "jaeger-config-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int TRACES = 3;
    private static Instant sentAt;

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(JaegerConfiguration.class);

    @BeforeAll
    static void sendTracesOfAServiceOfOurOwn() {
        sentAt = Instant.now();
        Resource resource = Resource.getDefault()
                .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)));
        OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint(StackJaeger.BADGER.otlp())
                .setTimeout(Duration.ofSeconds(5))
                .build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(resource)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            for (int i = 0; i < TRACES; i++) {
                provider.get("jaeger-config-it")
                        .spanBuilder("order.create")
                        .startSpan()
                        .end();
            }
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
                    .as("spans exported")
                    .isTrue();
        }
    }

    @Test
    void theDefaultEndpointIsTheStacksJaegerAndTheDefaultDepthFindsEveryTrace() {
        context.run(beans -> {
            JaegerClient client = beans.getBean(JaegerClient.class);
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.findTraces(ourTraces()).size() == TRACES);
            assertThat(client.services()).contains(SERVICE);
        });
    }

    @Test
    void theSearchDepthCapsWhatOneSearchReturns() {
        context.withPropertyValues("portal.jaeger.search-depth=2").run(beans -> {
            JaegerClient client = beans.getBean(JaegerClient.class);
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.services().contains(SERVICE));
            assertThat(client.findTraces(ourTraces())).hasSize(2);
        });
    }

    @Test
    void theDeadlineReachesEveryCallAndItsMessageNamesTheSetting() {
        context.withPropertyValues("portal.jaeger.deadline=1ns")
                .run(beans -> assertThatThrownBy(
                                () -> beans.getBean(JaegerClient.class).services())
                        .isInstanceOfSatisfying(
                                JaegerException.class,
                                e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.TIMEOUT))
                        .hasMessageContaining("portal.jaeger.deadline"));
    }

    @Test
    void anEndpointWhereNothingListensIsReportedAsUnreachable() {
        context.withPropertyValues("portal.jaeger.endpoint=127.0.0.1:1")
                .run(beans -> assertThatThrownBy(
                                () -> beans.getBean(JaegerClient.class).services())
                        .isInstanceOfSatisfying(
                                JaegerException.class,
                                e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.UNREACHABLE))
                        .hasMessageContaining("127.0.0.1:1")
                        .hasMessageContaining("portal.jaeger.endpoint"));
    }

    @Test
    void tlsSwitchedOffReachesTheChannel() {
        // the stack's Jaeger speaks TLS only: a plaintext channel to it cannot succeed
        context.withPropertyValues("portal.jaeger.tls=false")
                .run(beans -> assertThatThrownBy(
                                () -> beans.getBean(JaegerClient.class).services())
                        .isInstanceOfSatisfying(
                                JaegerException.class,
                                e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.UNREACHABLE))
                        .hasMessageContaining("portal.jaeger.tls"));
    }

    @Test
    void theChannelClosesWithTheContext() {
        AtomicReference<JaegerChannel> channel = new AtomicReference<>();
        context.run(beans -> channel.set(beans.getBean(JaegerChannel.class)));

        assertThat(channel.get().channel().isShutdown()).isTrue();
    }

    private static TraceQuery ourTraces() {
        return TraceQuery.between(sentAt.minusSeconds(60), Instant.now().plusSeconds(60))
                .withService(SERVICE);
    }
}
