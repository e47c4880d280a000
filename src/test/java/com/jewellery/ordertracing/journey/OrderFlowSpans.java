package com.jewellery.ordertracing.journey;

import static com.jewellery.ordertracing.journey.SpanRecord.Kind.CLIENT;
import static com.jewellery.ordertracing.journey.SpanRecord.Kind.CONSUMER;
import static com.jewellery.ordertracing.journey.SpanRecord.Kind.INTERNAL;
import static com.jewellery.ordertracing.journey.SpanRecord.Kind.PRODUCER;
import static com.jewellery.ordertracing.journey.SpanRecord.Kind.SERVER;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The spans one order leaves behind when it runs through shop → CRM → RabbitMQ → MES, as trace
 * contract 0002 describes them: names, kinds, parents, attributes, error events. Ids are random but
 * stable per order id; durations are in the range the real services show.
 */
public final class OrderFlowSpans {

    static final String PRICING_STACKTRACE = """
            com.jewellery.mes.pricing.PricingException: no gold price for alloy AU750 on 2026-11-03
            \tat com.jewellery.mes.pricing.MetalPriceTable.priceOf(MetalPriceTable.java:58)
            \tat com.jewellery.mes.pricing.PriceCalculator.calculate(PriceCalculator.java:41)
            \tat com.jewellery.mes.OrderConsumer.handle(OrderConsumer.java:77)
            \tat com.rabbitmq.client.impl.ConsumerDispatcher$5.run(ConsumerDispatcher.java:149)
            """;

    private static final List<String> STAGES = List.of(
            "shop.create", "shop.send", "crm.process", "crm.publish", "mes.consume", "mes.price", "mes.approve");

    private final String orderId;
    private final Instant start;
    private final Random random;
    private final List<SpanRecord> spans = new ArrayList<>();
    private boolean linkStyle;
    private Duration queueWait = Duration.ofMillis(180);
    private Duration mesClockOffset = Duration.ZERO;
    private String lastStage = "mes.approve";
    private String droppedSpanName;
    private boolean pricingFails;
    private int poisonDeliveries;

    private OrderFlowSpans(String orderId, Instant start) {
        this.orderId = orderId;
        this.start = start;
        this.random = new Random(orderId.hashCode());
    }

    public static OrderFlowSpans order(String orderId, Instant start) {
        return new OrderFlowSpans(orderId, start);
    }

    /** The MES starts its own trace and links its consumer span to the CRM's producer span. */
    OrderFlowSpans linkStyle() {
        linkStyle = true;
        return this;
    }

    OrderFlowSpans queueWait(Duration wait) {
        queueWait = wait;
        return this;
    }

    /** How far the MES host's clock is ahead (positive) or behind (negative) the others. */
    OrderFlowSpans mesClockOffset(Duration offset) {
        mesClockOffset = offset;
        return this;
    }

    /** The order gets no further than this stage (e.g. lost after {@code crm.publish}). */
    public OrderFlowSpans stopAfter(String stageId) {
        lastStage = stageId;
        return this;
    }

    /** The span was written but never reached Jaeger (exporter queue full, collector restart). */
    OrderFlowSpans withoutSpan(String spanName) {
        droppedSpanName = spanName;
        return this;
    }

    /** {@code price.calculate} throws; the consumer marks its span failed, nothing is approved. */
    public OrderFlowSpans pricingFails() {
        pricingFails = true;
        return stopAfter("mes.price");
    }

    /** The message is delivered this many times, fails each time, and then goes to the dead-letter queue. */
    OrderFlowSpans poisonMessage(int deliveries) {
        poisonDeliveries = deliveries;
        return stopAfter("mes.consume");
    }

    public List<SpanRecord> spans() {
        spans.clear();
        String shopTrace = traceId();
        Draft shopServer = draft(shopTrace, "", "shop", "POST /orders", SERVER, "shop.create", 0, 168)
                .http("POST", "/orders", 201)
                .status("SENT_TO_CRM");
        add(draft(shopTrace, shopServer.spanId, "shop", "order.create", INTERNAL, "shop.create", 3, 37)
                .status("CREATED")
                .attr("order.item.count", "2"));
        Draft send = draft(shopTrace, shopServer.spanId, "shop", "crm.send", CLIENT, "shop.send", 39, 165)
                .attr("http.request.method", "POST")
                .attr("url.full", "http://crm:8081/crm/orders")
                .attr("server.address", "crm")
                .attr("server.port", "8081")
                .attr("http.response.status_code", "202")
                .status("SENT_TO_CRM");
        Draft crmServer = draft(shopTrace, send.spanId, "crm", "POST /crm/orders", SERVER, "crm.process", 44, 158)
                .http("POST", "/crm/orders", 202)
                .status("SENT_TO_MES");
        add(draft(shopTrace, crmServer.spanId, "crm", "order.process", INTERNAL, "crm.process", 46, 131)
                .status("IN_CRM")
                .attr("crm.customer.tier", "gold"));
        Draft publish = draft(
                        shopTrace, crmServer.spanId, "crm", "publish orders.mes", PRODUCER, "crm.publish", 133, 151)
                .messaging("send", "publish")
                .status("SENT_TO_MES");
        add(publish);
        add(crmServer);
        add(send);
        add(shopServer);
        mesSpans(publish, 151 + queueWait.toMillis());
        return List.copyOf(spans);
    }

    private void mesSpans(Draft publish, long consumeStartMs) {
        String mesTrace = linkStyle ? traceId() : publish.traceId;
        String parent = linkStyle ? "" : publish.spanId;
        long deliveryStart = consumeStartMs;
        for (int delivery = 1; delivery < poisonDeliveries; delivery++) {
            add(consumer(mesTrace, parent, publish, deliveryStart, deliveryStart + 12)
                    .fails(
                            "java.lang.IllegalArgumentException",
                            "unknown alloy code 'AU999' in line 2",
                            deliveryStart + 11));
            deliveryStart += 1_012;
        }
        if (poisonDeliveries > 0) {
            add(consumer(mesTrace, parent, publish, deliveryStart, deliveryStart + 14)
                    .fails(
                            "java.lang.IllegalArgumentException",
                            "unknown alloy code 'AU999' in line 2",
                            deliveryStart + 11)
                    .event(
                            "dead_letter",
                            deliveryStart + 13,
                            Map.of(
                                    "messaging.rabbitmq.dead_letter.exchange",
                                    "orders.dlx",
                                    "messaging.rabbitmq.dead_letter.reason",
                                    "rejected",
                                    "messaging.rabbitmq.delivery_count",
                                    String.valueOf(poisonDeliveries))));
            return;
        }
        Draft consume = consumer(mesTrace, parent, publish, consumeStartMs, consumeStartMs + 262);
        Draft price = draft(
                        mesTrace,
                        consume.spanId,
                        "mes",
                        "price.calculate",
                        INTERNAL,
                        "mes.price",
                        consumeStartMs + 9,
                        consumeStartMs + 221)
                .status("PRICE_CALCULATED")
                .attr("order.price.total", "2480.00");
        if (pricingFails) {
            price.fails(
                            "com.jewellery.mes.pricing.PricingException",
                            "no gold price for alloy AU750 on 2026-11-03",
                            consumeStartMs + 220)
                    .status("RECEIVED_IN_MES")
                    .attributes
                    .remove("order.price.total");
            consume.statusCode = SpanRecord.StatusCode.ERROR;
            consume.statusMessage = "pricing failed";
        }
        add(price);
        add(draft(
                        mesTrace,
                        consume.spanId,
                        "mes",
                        "status.change",
                        INTERNAL,
                        "mes.approve",
                        consumeStartMs + 224,
                        consumeStartMs + 251)
                .status("MANUFACTURING_APPROVED"));
        add(consume);
    }

    private Draft consumer(String traceId, String parent, Draft publish, long startMs, long endMs) {
        Draft consume = draft(traceId, parent, "mes", "process orders.mes", CONSUMER, "mes.consume", startMs, endMs)
                .messaging("process", "process")
                .status("RECEIVED_IN_MES");
        consume.attr("messaging.message.id", publish.attributes.get("messaging.message.id"));
        if (linkStyle) {
            consume.links.add(new SpanRecord.Link(publish.traceId, publish.spanId));
        }
        return consume;
    }

    private void add(Draft draft) {
        int reached = STAGES.indexOf(lastStage);
        if (STAGES.indexOf(draft.stage) <= reached && !draft.name.equals(droppedSpanName)) {
            spans.add(draft.toRecord());
        }
    }

    private Draft draft(
            String traceId,
            String parent,
            String service,
            String name,
            SpanRecord.Kind kind,
            String stage,
            long startMs,
            long endMs) {
        Duration clock = service.equals("mes") ? mesClockOffset : Duration.ZERO;
        Draft draft = new Draft(
                traceId,
                spanId(),
                parent,
                service,
                name,
                kind,
                stage,
                nanos(startMs, clock),
                nanos(endMs, clock),
                clock);
        return draft.attr(SpanRecord.ORDER_ID, orderId);
    }

    private long nanos(long offsetMs, Duration clock) {
        Instant at = start.plusMillis(offsetMs).plus(clock).plusNanos(random.nextInt(1_000_000));
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    private String traceId() {
        return hex(16);
    }

    private String spanId() {
        return hex(8);
    }

    private String hex(int bytes) {
        byte[] id = new byte[bytes];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A span under construction; mutable so a scenario can turn a good span into a failed one. */
    private final class Draft {
        final String traceId;
        final String spanId;
        final String parent;
        final String service;
        final String name;
        final SpanRecord.Kind kind;
        final String stage;
        final long startNanos;
        final long endNanos;
        final Duration clock;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<SpanRecord.Event> events = new ArrayList<>();
        final List<SpanRecord.Link> links = new ArrayList<>();
        SpanRecord.StatusCode statusCode = SpanRecord.StatusCode.UNSET;
        String statusMessage = "";

        Draft(
                String traceId,
                String spanId,
                String parent,
                String service,
                String name,
                SpanRecord.Kind kind,
                String stage,
                long startNanos,
                long endNanos,
                Duration clock) {
            this.traceId = traceId;
            this.spanId = spanId;
            this.parent = parent;
            this.service = service;
            this.name = name;
            this.kind = kind;
            this.stage = stage;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
            this.clock = clock;
        }

        Draft attr(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        Draft status(String orderStatus) {
            return attr(SpanRecord.ORDER_STATUS, orderStatus);
        }

        Draft http(String method, String route, int statusCode) {
            return attr("http.request.method", method)
                    .attr("http.route", route)
                    .attr("url.path", route)
                    .attr("http.response.status_code", String.valueOf(statusCode));
        }

        Draft messaging(String operationType, String operationName) {
            return attr("messaging.system", "rabbitmq")
                    .attr("messaging.destination.name", "orders.mes")
                    .attr("messaging.rabbitmq.destination.routing_key", "order.created")
                    .attr("messaging.operation.type", operationType)
                    .attr("messaging.operation.name", operationName)
                    .attr("messaging.message.id", new UUID(random.nextLong(), random.nextLong()).toString());
        }

        Draft event(String eventName, long atMs, Map<String, String> eventAttributes) {
            events.add(new SpanRecord.Event(eventName, nanos(atMs, clock), eventAttributes));
            return this;
        }

        Draft fails(String exceptionType, String message, long atMs) {
            statusCode = SpanRecord.StatusCode.ERROR;
            statusMessage = exceptionType.substring(exceptionType.lastIndexOf('.') + 1) + ": " + message;
            String stacktrace = exceptionType.endsWith("PricingException")
                    ? PRICING_STACKTRACE
                    : exceptionType + ": " + message
                            + "\n\tat com.jewellery.mes.OrderMessageReader.read(OrderMessageReader.java:33)\n";
            return event(
                    "exception",
                    atMs,
                    Map.of(
                            "exception.type",
                            exceptionType,
                            "exception.message",
                            message,
                            "exception.stacktrace",
                            stacktrace,
                            "exception.escaped",
                            "true"));
        }

        SpanRecord toRecord() {
            return new SpanRecord(
                    traceId,
                    spanId,
                    parent,
                    service,
                    name,
                    kind,
                    startNanos,
                    endNanos,
                    statusCode,
                    statusMessage,
                    attributes,
                    events,
                    links);
        }
    }
}
