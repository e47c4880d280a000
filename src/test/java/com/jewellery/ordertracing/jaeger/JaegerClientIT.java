package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the real Jaeger v2 of {@code bin/stack} (api_v3 on 127.0.0.1:16685, OTLP on 4317, both TLS
 * with the local CA, which the tests' JVM trusts through {@code bin/stack env}).
 * One small trace is sent with the OpenTelemetry SDK under a service name of its own, so runs do not
 * see each other's data.
 */
class JaegerClientIT {

    private static final String QUERY_ENDPOINT = "127.0.0.1:16685";
    private static final String OTLP_ENDPOINT = "127.0.0.1:4317";
    private static final Duration INGEST_WAIT = Duration.ofSeconds(10);
    private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String SERVICE = "jaeger-client-it-" + RUN;
    private static final String ORDER = "ORD-IT-" + RUN;

    private static JaegerChannel channel;
    private static JaegerClient client;
    private static Instant sentAt;
    private static String traceId;

    @BeforeAll
    static void sendOneTraceAndWaitUntilJaegerHasIt() {
        channel = JaegerChannel.open(QUERY_ENDPOINT, true, null);
        client = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
        sentAt = Instant.now();
        traceId = sendOrderTrace();
        await().atMost(INGEST_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client.services().contains(SERVICE));
    }

    @AfterAll
    static void close() {
        channel.close();
    }

    @Test
    void findTracesFindsTheTraceByItsOrderAttribute() {
        TraceQuery byOrder = recent().withService(SERVICE).withAttribute("order.id", ORDER);

        List<Trace> traces =
                await().atMost(INGEST_WAIT).until(() -> client.findTraces(byOrder), found -> !found.isEmpty());

        assertThat(traces).singleElement().extracting(Trace::traceId).isEqualTo(traceId);
        assertThat(traces.getFirst().spans()).extracting(TraceSpan::serviceName).containsOnly(SERVICE);
    }

    @Test
    void findTracesFindsNothingForAnotherOrder() {
        assertThat(client.findTraces(recent().withService(SERVICE).withAttribute("order.id", ORDER + "-X")))
                .isEmpty();
    }

    @Test
    void traceReturnsTheWholeTraceWithItsAttributes() {
        Trace trace = client.trace(traceId).orElseThrow();

        assertThat(trace.traceId()).isEqualTo(traceId);
        assertThat(trace.spans()).extracting(TraceSpan::name).containsExactlyInAnyOrder("POST /orders", "order.create");
        TraceSpan create = trace.spans().stream()
                .filter(span -> span.name().equals("order.create"))
                .findFirst()
                .orElseThrow();
        assertThat(create.attribute("order.id")).hasValue(ORDER);
        assertThat(create.serviceName()).isEqualTo(SERVICE);
        assertThat(create.parentSpanId()).isNotEmpty();
    }

    @Test
    void traceWithinATimeRangeFindsItToo() {
        assertThat(client.trace(
                        traceId,
                        new TimeRange(sentAt.minusSeconds(60), Instant.now().plusSeconds(60))))
                .hasValueSatisfying(trace -> assertThat(trace.spans()).hasSize(2));
    }

    @Test
    void anUnknownTraceIdIsEmpty() {
        assertThat(client.trace(UUID.randomUUID().toString().replace("-", ""))).isEmpty();
    }

    @Test
    void operationsListTheSpanNames() {
        // Badger (the stack's storage, Jaeger 2.13) neither reports an operation's span kind nor filters by it;
        // nothing in the portal depends on kinds, so only the names are the contract
        assertThat(client.operations(SERVICE))
                .extracting(Operation::name)
                .containsExactlyInAnyOrder("POST /orders", "order.create");
    }

    @Test
    void theOtlpPortIsRecognisedAsTheWrongPort() {
        try (JaegerChannel otlp = JaegerChannel.open(OTLP_ENDPOINT, true, null)) {
            assertThatThrownBy(() -> new JaegerClient(otlp.channel(), JaegerClientSettings.DEFAULTS).services())
                    .isInstanceOfSatisfying(
                            JaegerException.class,
                            e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.UNSUPPORTED))
                    .hasMessageContaining("16685");
        }
    }

    @Test
    void plaintextAgainstTheTlsPortIsUnreachableNamingTheTlsSetting() {
        try (JaegerChannel plaintext = JaegerChannel.plaintext(QUERY_ENDPOINT)) {
            assertThatThrownBy(() -> new JaegerClient(plaintext.channel(), JaegerClientSettings.DEFAULTS).services())
                    .isInstanceOfSatisfying(
                            JaegerException.class,
                            e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.UNREACHABLE))
                    .hasMessageContaining(QUERY_ENDPOINT)
                    .hasMessageContaining("portal.jaeger.tls");
        }
    }

    private static TraceQuery recent() {
        return TraceQuery.between(sentAt.minusSeconds(60), Instant.now().plusSeconds(60));
    }

    /** A server span with an internal child that carries the order id, as the shop writes it. */
    private static String sendOrderTrace() {
        Resource resource = Resource.getDefault()
                .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE)));
        OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint("https://" + OTLP_ENDPOINT)
                .setTimeout(Duration.ofSeconds(5))
                .build();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(resource)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            Tracer tracer = provider.get("jaeger-client-it");
            Span request = tracer.spanBuilder("POST /orders")
                    .setSpanKind(SpanKind.SERVER)
                    .startSpan();
            try (Scope ignored = request.makeCurrent()) {
                tracer.spanBuilder("order.create")
                        .setAttribute(ORDER_ID, ORDER)
                        .startSpan()
                        .end();
            } finally {
                request.end();
            }
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
                    .as("spans exported")
                    .isTrue();
            return request.getSpanContext().getTraceId();
        }
    }
}
