package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against an in-process fake of Jaeger's query service: merging, mapping of faults, no leaked streams. */
class JaegerClientTest {

    private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final JaegerClientSettings FAST = new JaegerClientSettings(Duration.ofSeconds(2), 50);

    private final FakeJaeger jaeger = new FakeJaeger();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).addService(jaeger).build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void findTracesMergesTheChunksOfEachTrace() {
        jaeger.chunks = List.of(
                chunk("shop", span(TRACE_A, "00f067aa0ba902b7", "order.create", "ORD-1")),
                chunk("shop", span(TRACE_B, "00f067aa0ba902b8", "order.create", "ORD-2")),
                chunk(
                        "crm",
                        span(TRACE_A, "00f067aa0ba902b9", "order.process", "ORD-1"),
                        span(TRACE_A, "00f067aa0ba902ba", "publish orders.mes", "ORD-1")));

        List<Trace> traces = client(FAST).findTraces(TraceQuery.between(NOW.minusSeconds(60), NOW));

        assertThat(traces).extracting(Trace::traceId).containsExactly(TRACE_A, TRACE_B);
        Trace first = traces.getFirst();
        assertThat(first.resourceSpans()).hasSize(2);
        assertThat(first.spans())
                .extracting(TraceSpan::serviceName, TraceSpan::name)
                .containsExactly(
                        tuple("shop", "order.create"),
                        tuple("crm", "order.process"),
                        tuple("crm", "publish orders.mes"));
        assertThat(first.spans())
                .allSatisfy(span -> assertThat(span.attribute("order.id")).hasValue("ORD-1"));
    }

    @Test
    void findTracesSendsTheQueryAndAlwaysASearchDepth() {
        TraceQuery query = TraceQuery.between(NOW.minusSeconds(60), NOW)
                .withService("mes")
                .withOperation("price.calculate")
                .withAttribute("order.id", "ORD-7")
                .withDuration(Duration.ofMillis(5), Duration.ofSeconds(3));

        client(FAST).findTraces(query);
        client(FAST).findTraces(query.withSearchDepth(7));

        var sent = jaeger.lastFind.getQuery();
        assertThat(sent.getServiceName()).isEqualTo("mes");
        assertThat(sent.getOperationName()).isEqualTo("price.calculate");
        assertThat(sent.getAttributesMap()).containsExactly(Map.entry("order.id", "ORD-7"));
        assertThat(sent.getStartTimeMin().getSeconds())
                .isEqualTo(NOW.minusSeconds(60).getEpochSecond());
        assertThat(sent.getStartTimeMax().getSeconds()).isEqualTo(NOW.getEpochSecond());
        assertThat(sent.getDurationMin().getNanos()).isEqualTo(5_000_000);
        assertThat(sent.getDurationMax().getSeconds()).isEqualTo(3);
        assertThat(sent.getSearchDepth()).isEqualTo(7);
    }

    @Test
    void findTracesFallsBackToTheDefaultSearchDepth() {
        client(FAST).findTraces(TraceQuery.between(NOW.minusSeconds(60), NOW));

        assertThat(jaeger.lastFind.getQuery().getSearchDepth()).isEqualTo(50);
    }

    @Test
    void traceAssemblesTheChunksOfOneTrace() {
        jaeger.chunks = List.of(
                chunk("shop", span(TRACE_A, "00f067aa0ba902b7", "order.create", "ORD-1")),
                chunk("mes", span(TRACE_A, "00f067aa0ba902bb", "status.change", "ORD-1")));

        Trace trace = client(FAST)
                .trace(TRACE_A.toUpperCase(), new TimeRange(NOW.minusSeconds(60), NOW))
                .orElseThrow();

        assertThat(trace.spans()).extracting(TraceSpan::serviceName).containsExactly("shop", "mes");
        assertThat(jaeger.lastGet.getTraceId()).isEqualTo(TRACE_A);
        assertThat(jaeger.lastGet.getStartTime().getSeconds())
                .isEqualTo(NOW.minusSeconds(60).getEpochSecond());
    }

    @Test
    void shortTraceIdsArePaddedTo128Bits() {
        client(FAST).trace("8448eb211c80319c");

        assertThat(jaeger.lastGet.getTraceId()).isEqualTo("00000000000000008448eb211c80319c");
        assertThat(jaeger.lastGet.hasStartTime()).isFalse();
    }

    @Test
    void anUnknownTraceIsAnEmptyStreamAndEmpty() {
        assertThat(client(FAST).trace(TRACE_B)).isEmpty();
    }

    @Test
    void aMalformedTraceIdIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client(FAST).trace("ORD-2026-000123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hex");
        assertThat(jaeger.lastGet).isNull();
    }

    @Test
    void servicesAreSorted() {
        jaeger.services = List.of("shop", "crm", "mes");

        assertThat(client(FAST).services()).containsExactly("crm", "mes", "shop");
    }

    @Test
    void operationsPassTheSpanKind() {
        jaeger.operations = List.of(com.jewellery.ordertracing.jaeger.v3.Operation.newBuilder()
                .setName("POST /orders")
                .setSpanKind("server")
                .build());

        assertThat(client(FAST).operations("shop", "server")).containsExactly(new Operation("POST /orders", "server"));
        assertThat(jaeger.lastOperations.getService()).isEqualTo("shop");
        assertThat(jaeger.lastOperations.getSpanKind()).isEqualTo("server");
    }

    @Test
    void anUnreachableJaegerSaysWhereItLookedAndWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (JaegerChannel nowhere = JaegerChannel.plaintext("127.0.0.1:" + closedPort)) {
            JaegerClient client = new JaegerClient(nowhere.channel(), FAST);

            assertThatThrownBy(client::services)
                    .isInstanceOfSatisfying(
                            JaegerException.class,
                            e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.UNREACHABLE))
                    .hasMessageContaining("Jaeger is not reachable at 127.0.0.1:" + closedPort)
                    .hasMessageContaining("check portal.jaeger.endpoint and that Jaeger runs");
        }
    }

    @Test
    void aSlowJaegerRunsIntoTheDeadlineAndTheStreamIsCancelled() throws InterruptedException {
        jaeger.chunks = List.of(chunk("shop", span(TRACE_A, "00f067aa0ba902b7", "order.create", "ORD-1")));
        jaeger.ending = FakeJaeger.Ending.HANG;
        JaegerClient impatient = client(new JaegerClientSettings(Duration.ofMillis(300), 50));

        assertThatThrownBy(() -> impatient.findTraces(TraceQuery.between(NOW.minusSeconds(60), NOW)))
                .isInstanceOfSatisfying(
                        JaegerException.class, e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.TIMEOUT))
                .hasMessageContaining("did not answer within 0.3s")
                .hasMessageContaining("narrow the time range or raise portal.jaeger.deadline");
        assertThat(jaeger.cancelledByClient.await(2, TimeUnit.SECONDS))
                .as("server saw the call end")
                .isTrue();
    }

    @Test
    void unaryCallsHaveADeadlineToo() {
        jaeger.ending = FakeJaeger.Ending.HANG;
        JaegerClient impatient = client(new JaegerClientSettings(Duration.ofMillis(300), 50));

        assertThatThrownBy(impatient::services)
                .isInstanceOfSatisfying(
                        JaegerException.class, e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.TIMEOUT));
    }

    @Test
    void aRejectedQueryCarriesJaegersText() {
        jaeger.chunks = List.of(chunk("shop", span(TRACE_A, "00f067aa0ba902b7", "order.create", "ORD-1")));
        jaeger.ending = FakeJaeger.Ending.FAIL;
        jaeger.failure = Status.UNKNOWN.withDescription("start time min and max are required parameters");

        assertThatThrownBy(() -> client(FAST).findTraces(TraceQuery.between(NOW.minusSeconds(60), NOW)))
                .isInstanceOfSatisfying(
                        JaegerException.class, e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.REJECTED))
                .hasMessageContaining("rejected the query: start time min and max are required parameters");
    }

    @Test
    void anUnreadableChunkCancelsTheStream() throws InterruptedException {
        Span shortId = span(TRACE_A, "00f067aa0ba902b7", "order.create", "ORD-1").toBuilder()
                .setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .build();
        jaeger.chunks = List.of(chunk("shop", shortId));
        jaeger.ending = FakeJaeger.Ending.HANG;

        assertThatThrownBy(() -> client(FAST).findTraces(TraceQuery.between(NOW.minusSeconds(60), NOW)))
                .isInstanceOfSatisfying(
                        JaegerException.class, e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.BAD_RESPONSE))
                .hasMessageContaining("3 bytes");
        assertThat(jaeger.cancelledByClient.await(1, TimeUnit.SECONDS))
                .as("client cancelled the stream")
                .isTrue();
    }

    @Test
    void theOtlpPortIsNotTheQueryPort() throws IOException, InterruptedException {
        String name = InProcessServerBuilder.generateName();
        Server otlpOnly = InProcessServerBuilder.forName(name).build().start();
        ManagedChannel toOtlp = InProcessChannelBuilder.forName(name).build();
        try {
            assertThatThrownBy(() -> new JaegerClient(toOtlp, FAST).services())
                    .isInstanceOfSatisfying(
                            JaegerException.class,
                            e -> assertThat(e.kind()).isEqualTo(JaegerException.Kind.UNSUPPORTED))
                    .hasMessageContaining("not at OTLP (4317)");
        } finally {
            toOtlp.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            otlpOnly.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aQueryNeedsAForwardTimeRange() {
        assertThatThrownBy(() -> TraceQuery.between(NOW, NOW.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start before it ends");
    }

    private JaegerClient client(JaegerClientSettings settings) {
        return new JaegerClient(channel, settings);
    }

    private static TracesData chunk(String service, Span... spans) {
        Resource resource = Resource.newBuilder()
                .addAttributes(text("service.name", service))
                .build();
        return TracesData.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(resource)
                        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans))))
                .build();
    }

    private static Span span(String traceId, String spanId, String name, String orderId) {
        return Span.newBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(traceId)))
                .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
                .setName(name)
                .addAttributes(text("order.id", orderId))
                .build();
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setStringValue(value))
                .build();
    }
}
