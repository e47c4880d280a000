package com.jewellery.orderflow.instrumentation;

import com.jewellery.orderflow.instrumentation.OrderPayload.MalformedOrderException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MES: consumes orders from {@code orders.mes.inbox}, prices them and approves them for
 * manufacturing. It writes the CONSUMER span (stage mes.consume) either as a child of the CRM's
 * publish span or, in link style, as the root of a new trace linked to it.
 */
public final class MesService implements AutoCloseable {

    /** Enough unacknowledged messages in flight that slow orders do not hold up the others. */
    private static final int PREFETCH = 500;

    private static final AttributeKey<String> ORDER_PRICE = AttributeKey.stringKey("order.price");
    private static final AttributeKey<String> DEAD_LETTER_REASON =
            AttributeKey.stringKey("messaging.rabbitmq.dead_letter.reason");

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Channel channel;
    private final Pricing pricing = Pricing.standardQuotes();
    private final Duration slowPricingDelay;
    /** Holds slow pricings without holding a thread: a waiting order must not block the ones behind it. */
    private volatile boolean closing;

    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mes-slow-pricing").daemon().factory());
    /** Acks come from the consumer thread and the delay thread; one at a time on the shared channel. */
    private final Object ackLock = new Object();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private String consumerTag;

    public MesService(OpenTelemetry telemetry, Connection connection, Duration slowPricingDelay) throws IOException {
        this.tracer = telemetry.getTracer("com.jewellery.orderflow.mes");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.slowPricingDelay = slowPricingDelay;
        this.channel = connection.createChannel();
        RabbitTopology.declare(channel);
        channel.basicQos(PREFETCH);
    }

    /** Starts (or restarts) consuming. */
    public synchronized void resume() throws IOException {
        if (consumerTag == null) {
            consumerTag = channel.basicConsume(
                    RabbitTopology.INBOX_QUEUE, false, (tag, delivery) -> onDelivery(delivery), tag -> {});
        }
    }

    /** Stops consuming, as an MES outage would: new messages wait in the queue until {@link #resume()}. */
    public synchronized void pause() throws IOException {
        if (consumerTag != null) {
            channel.basicCancel(consumerTag);
            consumerTag = null;
        }
    }

    /** Messages handed to the MES so far: once it equals what was routed to the inbox, the queue is empty. */
    public long receivedCount() {
        return received.get();
    }

    /** Messages fully handled so far (acknowledged or dead-lettered). */
    public long settledCount() {
        return settled.get();
    }

    private void onDelivery(Delivery delivery) {
        if (closing) {
            return; // unacknowledged: the broker redelivers it to the next MES
        }
        received.incrementAndGet();
        Map<String, Object> headers = delivery.getProperties().getHeaders() == null
                ? Map.of()
                : delivery.getProperties().getHeaders();
        Simulation simulation = Simulation.fromHeader(AmqpHeaderCarriers.GETTER.get(headers, Simulation.AMQP_HEADER));
        Span consume = startConsumeSpan(delivery, headers, simulation.consumerStyle());
        long deliveryTag = delivery.getEnvelope().getDeliveryTag();
        OrderPayload order;
        try {
            order = OrderPayload.parse(new String(delivery.getBody(), StandardCharsets.UTF_8));
        } catch (MalformedOrderException e) {
            deadLetter(consume, deliveryTag, e);
            return;
        }
        // The status this stage produced; the child spans carry the later ones.
        OrderSpans.status(consume, OrderStatus.RECEIVED_IN_MES);
        price(consume, order, simulation, deliveryTag);
    }

    /**
     * Stage mes.consume. order.id comes from a message header, not the body, so the span has it at
     * start (order-aware sampling of link-style roots) and even when the body cannot be read.
     */
    private Span startConsumeSpan(Delivery delivery, Map<String, Object> headers, ConsumerStyle style) {
        Envelope envelope = delivery.getEnvelope();
        Context producer = propagator.extract(Context.root(), headers, AmqpHeaderCarriers.GETTER);
        SpanBuilder builder = tracer.spanBuilder("process " + RabbitTopology.EXCHANGE)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(OrderSpans.ORDER_ID, AmqpHeaderCarriers.GETTER.get(headers, MesPublisher.ORDER_ID_HEADER))
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.SENT_TO_MES.name())
                .setAttribute(OrderSpans.MESSAGING_SYSTEM, "rabbitmq")
                .setAttribute(OrderSpans.MESSAGING_DESTINATION, envelope.getExchange())
                .setAttribute(OrderSpans.MESSAGING_ROUTING_KEY, envelope.getRoutingKey())
                .setAttribute(
                        OrderSpans.MESSAGING_MESSAGE_ID,
                        delivery.getProperties().getMessageId())
                .setAttribute(OrderSpans.MESSAGING_OPERATION_TYPE, "process")
                .setAttribute(OrderSpans.MESSAGING_OPERATION_NAME, "process")
                .setAttribute(OrderSpans.MESSAGING_DELIVERY_TAG, envelope.getDeliveryTag())
                .setAttribute(OrderSpans.MESSAGING_BODY_SIZE, (long) delivery.getBody().length);
        switch (style) {
            // One trace from shop to MES: simplest to read, but a message that waited an hour in
            // the queue stretches the trace by that hour.
            case CONTINUE -> builder.setParent(producer);
            // A new trace per consumption, linked to the publish: common for batch or delayed
            // consumers. The journey is then joined across traces by order.id.
            case LINK ->
                builder.setNoParent().addLink(Span.fromContext(producer).getSpanContext());
        }
        return builder.startSpan();
    }

    /** Stage mes.price, then mes.approve. Pricing that waits on a slow feed finishes on the delay thread. */
    private void price(Span consume, OrderPayload order, Simulation simulation, long deliveryTag) {
        Span price = tracer.spanBuilder("price.calculate")
                .setParent(Context.root().with(consume))
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.RECEIVED_IN_MES.name())
                .startSpan();
        // Fault injection (PRICING_ERROR): today's quotes lack the order's metal, so pricing throws.
        Pricing quotes =
                simulation.outcome() == Outcome.PRICING_ERROR ? pricing.withoutQuoteFor(order.metal()) : pricing;
        Runnable finish = () -> finishPricing(consume, price, order, quotes, deliveryTag);
        if (simulation.outcome() == Outcome.SLOW_PRICING) {
            // Fault injection (SLOW_PRICING): the price feed answers late. A real delay, so the
            // span's duration is true, but on a timer rather than a sleeping consumer thread.
            delays.schedule(finish, slowPricingDelay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            finish.run();
        }
    }

    private void finishPricing(Span consume, Span price, OrderPayload order, Pricing quotes, long deliveryTag) {
        try {
            calculate(price, order, quotes);
            approve(consume, order);
        } catch (RuntimeException e) {
            // Acknowledged anyway: retrying would fail the same way. The order waits for a person,
            // and the ERROR spans are what tells them.
            OrderSpans.fail(consume, e);
        } finally {
            settle(consume, deliveryTag, false);
        }
    }

    private void calculate(Span price, OrderPayload order, Pricing quotes) {
        try (Scope ignored = price.makeCurrent()) {
            BigDecimal amount = quotes.price(order);
            price.setAttribute(ORDER_PRICE, amount.toPlainString());
            OrderSpans.status(price, OrderStatus.PRICE_CALCULATED);
        } catch (RuntimeException e) {
            OrderSpans.fail(price, e);
            throw e;
        } finally {
            price.end();
        }
    }

    /** Stage mes.approve: the terminal status change. */
    private void approve(Span consume, OrderPayload order) {
        Span span = tracer.spanBuilder("status.change")
                .setParent(Context.root().with(consume))
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.PRICE_CALCULATED.name())
                .startSpan();
        try {
            OrderSpans.status(span, OrderStatus.MANUFACTURING_APPROVED);
        } finally {
            span.end();
        }
    }

    /**
     * A message the MES cannot read is rejected without requeue, so the queue's dead-letter
     * exchange moves it to orders.mes.dlq instead of redelivering it forever.
     */
    private void deadLetter(Span consume, long deliveryTag, MalformedOrderException cause) {
        OrderSpans.fail(consume, cause);
        consume.addEvent(
                "dead_letter",
                Attributes.of(
                        OrderSpans.MESSAGING_DESTINATION, RabbitTopology.DEAD_LETTER, DEAD_LETTER_REASON, "rejected"));
        settle(consume, deliveryTag, true);
    }

    private void settle(Span consume, long deliveryTag, boolean reject) {
        try {
            synchronized (ackLock) {
                if (reject) {
                    channel.basicReject(deliveryTag, false);
                } else {
                    channel.basicAck(deliveryTag, false);
                }
            }
        } catch (IOException e) {
            OrderSpans.fail(consume, e);
        } finally {
            consume.end();
            settled.incrementAndGet();
        }
    }

    /**
     * Stops consuming, lets pricing already under way finish, then closes the channel. Deliveries the
     * client had prefetched may still arrive after the cancel; they are left unacknowledged, so the
     * broker hands them to the next MES instead of losing them.
     */
    @Override
    public void close() throws IOException, TimeoutException, InterruptedException {
        pause();
        closing = true;
        delays.shutdown();
        delays.awaitTermination(slowPricingDelay.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        if (channel.isOpen()) {
            channel.close();
        }
    }
}
