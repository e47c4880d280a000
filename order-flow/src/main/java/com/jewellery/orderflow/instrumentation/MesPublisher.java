package com.jewellery.orderflow.instrumentation;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeoutException;

/**
 * The CRM's side of the RabbitMQ hop: writes the PRODUCER span (stage crm.publish) and puts its
 * trace context into the message headers, where the MES picks it up.
 */
public final class MesPublisher implements AutoCloseable {

    /** The AMQP header with the order id: the MES reads it before parsing, even from a broken body. */
    public static final String ORDER_ID_HEADER = "order-id";

    /**
     * Fault injection (LOST): a routing key that differs from the binding only in case. The exchange
     * finds no queue for it and, because the message is not published as mandatory and the exchange
     * has no alternate exchange, the broker drops it without a word and even confirms it. The publish
     * span ends OK: exactly the lost order that is invisible without tracing the consumer side too.
     */
    private static final String MISTYPED_ROUTING_KEY = "MES";

    private static final int CHANNELS = 8;
    private static final long CONFIRM_TIMEOUT_MILLIS = 5_000;

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Connection connection;
    /**
     * Channels must not be shared by concurrent publishers, and a blocking confirm per publish keeps
     * the code simple; a small pool gives each request thread its own channel.
     */
    private final BlockingQueue<Channel> channels = new ArrayBlockingQueue<>(CHANNELS);

    public MesPublisher(OpenTelemetry telemetry, Connection connection) throws IOException {
        this.tracer = telemetry.getTracer("com.jewellery.orderflow.crm");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.connection = connection;
        for (int i = 0; i < CHANNELS; i++) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channels.add(channel);
        }
        RabbitTopology.declare(channels.peek());
    }

    /** Stage crm.publish: returns once the broker has confirmed the message. */
    public void publish(OrderPayload order, Simulation simulation) throws IOException {
        String routingKey = simulation.outcome() == Outcome.LOST ? MISTYPED_ROUTING_KEY : RabbitTopology.ROUTING_KEY;
        byte[] body = body(order, simulation);
        String messageId = UUID.randomUUID().toString();
        Span span = tracer.spanBuilder("publish " + RabbitTopology.EXCHANGE)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.IN_CRM.name())
                .setAttribute(OrderSpans.MESSAGING_SYSTEM, "rabbitmq")
                .setAttribute(OrderSpans.MESSAGING_DESTINATION, RabbitTopology.EXCHANGE)
                .setAttribute(OrderSpans.MESSAGING_ROUTING_KEY, routingKey)
                .setAttribute(OrderSpans.MESSAGING_MESSAGE_ID, messageId)
                .setAttribute(OrderSpans.MESSAGING_OPERATION_TYPE, "send")
                .setAttribute(OrderSpans.MESSAGING_OPERATION_NAME, "publish")
                .setAttribute(OrderSpans.MESSAGING_BODY_SIZE, (long) body.length)
                .setAttribute(OrderSpans.SERVER_ADDRESS, connection.getAddress().getHostAddress())
                .setAttribute(OrderSpans.SERVER_PORT, (long) connection.getPort())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .messageId(messageId)
                    .contentType("application/json")
                    .deliveryMode(2)
                    .headers(headers(order, simulation))
                    .build();
            publishConfirmed(routingKey, properties, body);
            OrderSpans.status(span, OrderStatus.SENT_TO_MES);
        } catch (IOException | RuntimeException e) {
            OrderSpans.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Map<String, Object> headers(OrderPayload order, Simulation simulation) {
        Map<String, Object> headers = new HashMap<>();
        propagator.inject(Context.current(), headers, AmqpHeaderCarriers.SETTER);
        headers.put(ORDER_ID_HEADER, order.orderId());
        headers.put(Simulation.AMQP_HEADER, simulation.toHeader());
        return headers;
    }

    /**
     * Fault injection (POISON): plays a CRM node still running an old serializer that writes
     * {@code key=value} pairs instead of JSON. The broker takes any bytes; the MES cannot read them.
     */
    private static byte[] body(OrderPayload order, Simulation simulation) {
        String text = simulation.outcome() == Outcome.POISON
                ? "orderId=" + order.orderId() + ";metal=" + order.metal() + ";weight=" + order.weightGrams()
                : order.toJson();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void publishConfirmed(String routingKey, AMQP.BasicProperties properties, byte[] body) throws IOException {
        Channel channel = takeChannel();
        try {
            // mandatory=false: what most publishers use, and why an unroutable message can vanish.
            channel.basicPublish(RabbitTopology.EXCHANGE, routingKey, false, properties, body);
            // waitForConfirms, not ...OrDie: that one closes the channel, and this one goes back to the pool.
            if (!channel.waitForConfirms(CONFIRM_TIMEOUT_MILLIS)) {
                throw new IOException("the broker refused the message (nack)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker's confirm", e);
        } catch (TimeoutException e) {
            throw new IOException("the broker did not confirm within " + CONFIRM_TIMEOUT_MILLIS + " ms", e);
        } finally {
            channels.add(channel);
        }
    }

    private Channel takeChannel() throws IOException {
        try {
            return channels.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a channel", e);
        }
    }

    @Override
    public void close() throws IOException, TimeoutException {
        for (Channel channel : channels) {
            channel.close();
        }
    }
}
