package com.jewellery.ordertracing.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SpanRecordsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CRM_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final long START = 1_793_697_262_318_004_211L;

    @Test
    void convertsAnOtlpConsumerSpanWithEventsAndLinks() {
        Span consume = Span.newBuilder()
                .setTraceId(bytes(TRACE))
                .setSpanId(bytes("00f067aa0ba902b7"))
                .setName("process orders.mes")
                .setKind(Span.SpanKind.SPAN_KIND_CONSUMER)
                .setStartTimeUnixNano(START)
                .setEndTimeUnixNano(START + 14_250_000)
                .setStatus(Status.newBuilder()
                        .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                        .setMessage("rejected"))
                .addAttributes(text("order.id", "ORD-2026-000123"))
                .addAttributes(text("messaging.system", "rabbitmq"))
                .addAttributes(KeyValue.newBuilder()
                        .setKey("messaging.rabbitmq.delivery_count")
                        .setValue(AnyValue.newBuilder().setIntValue(3)))
                .addEvents(Span.Event.newBuilder()
                        .setName("dead_letter")
                        .setTimeUnixNano(START + 13_000_000)
                        .addAttributes(text("messaging.rabbitmq.dead_letter.exchange", "orders.dlx")))
                .addLinks(Span.Link.newBuilder().setTraceId(bytes(CRM_TRACE)).setSpanId(bytes("b7ad6b7169203331")))
                .build();

        List<SpanRecord> records = SpanRecords.fromOtlp(resourceSpans("mes", consume));

        assertThat(records).singleElement().satisfies(span -> {
            assertThat(span.traceId()).isEqualTo(TRACE);
            assertThat(span.spanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(span.parentSpanId()).isEmpty();
            assertThat(span.isRoot()).isTrue();
            assertThat(span.service()).isEqualTo("mes");
            assertThat(span.name()).isEqualTo("process orders.mes");
            assertThat(span.kind()).isEqualTo(SpanRecord.Kind.CONSUMER);
            assertThat(span.startEpochNanos()).isEqualTo(START);
            assertThat(span.endEpochNanos()).isEqualTo(START + 14_250_000);
            assertThat(span.statusCode()).isEqualTo(SpanRecord.StatusCode.ERROR);
            assertThat(span.statusMessage()).isEqualTo("rejected");
            assertThat(span.orderId()).hasValue("ORD-2026-000123");
            assertThat(span.attributes()).containsEntry("messaging.rabbitmq.delivery_count", "3");
            assertThat(span.events())
                    .containsExactly(new SpanRecord.Event(
                            "dead_letter",
                            START + 13_000_000,
                            Map.of("messaging.rabbitmq.dead_letter.exchange", "orders.dlx")));
            assertThat(span.links()).containsExactly(new SpanRecord.Link(CRM_TRACE, "b7ad6b7169203331"));
        });
    }

    @Test
    void takesTheServiceFromEachResourceAndKeepsParents() {
        Span process = Span.newBuilder()
                .setTraceId(bytes(TRACE))
                .setSpanId(bytes("a3ce929d0e0e4736"))
                .setParentSpanId(bytes("53995c3f42cd8ad8"))
                .setName("order.process")
                .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
                .build();
        Span send = Span.newBuilder()
                .setTraceId(bytes(TRACE))
                .setSpanId(bytes("53995c3f42cd8ad8"))
                .setName("crm.send")
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
                .build();
        TracesData traces = TracesData.newBuilder()
                .addResourceSpans(resourceSpans("crm", process))
                .addResourceSpans(resourceSpans("shop", send))
                .build();

        List<SpanRecord> records = SpanRecords.fromOtlp(traces);

        assertThat(records)
                .extracting(
                        SpanRecord::service,
                        SpanRecord::name,
                        SpanRecord::parentSpanId,
                        SpanRecord::kind,
                        SpanRecord::statusCode)
                .containsExactly(
                        Tuple.tuple(
                                "crm",
                                "order.process",
                                "53995c3f42cd8ad8",
                                SpanRecord.Kind.INTERNAL,
                                SpanRecord.StatusCode.UNSET),
                        Tuple.tuple("shop", "crm.send", "", SpanRecord.Kind.CLIENT, SpanRecord.StatusCode.OK));
    }

    @Test
    void rendersEveryAttributeValueTypeAsText() {
        AnyValue array = AnyValue.newBuilder()
                .setArrayValue(ArrayValue.newBuilder()
                        .addValues(AnyValue.newBuilder().setStringValue("AU750"))
                        .addValues(AnyValue.newBuilder().setDoubleValue(18.5)))
                .build();
        AnyValue kvList = AnyValue.newBuilder()
                .setKvlistValue(KeyValueList.newBuilder()
                        .addValues(text("metal", "gold"))
                        .addValues(KeyValue.newBuilder()
                                .setKey("engraved")
                                .setValue(AnyValue.newBuilder().setBoolValue(true))))
                .build();

        assertThat(SpanRecords.render(array)).isEqualTo("[AU750, 18.5]");
        assertThat(SpanRecords.render(kvList)).isEqualTo("{metal=gold, engraved=true}");
        assertThat(SpanRecords.render(
                        AnyValue.newBuilder().setBytesValue(bytes("cafe")).build()))
                .isEqualTo("cafe");
        assertThat(SpanRecords.render(AnyValue.getDefaultInstance())).isEmpty();
    }

    private static ResourceSpans resourceSpans(String service, Span span) {
        return ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder()
                        .addAttributes(text("service.name", service))
                        .addAttributes(text("host.name", service + "-7d9f")))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(span))
                .build();
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setStringValue(value))
                .build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}
