package com.jewellery.orderflow.instrumentation;

import com.jewellery.orderflow.instrumentation.OrderPayload.MalformedOrderException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CRM: {@code POST /crm/orders} continues the shop's trace from the traceparent header, processes
 * the order and publishes it to the MES through RabbitMQ.
 */
public final class CrmService implements AutoCloseable {

    public static final String ORDERS_ROUTE = "/crm/orders";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final MesPublisher publisher;
    private final HttpServer server;

    public CrmService(OpenTelemetry telemetry, MesPublisher publisher, InetSocketAddress address) throws IOException {
        this.tracer = telemetry.getTracer("com.jewellery.orderflow.crm");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.publisher = publisher;
        this.server = HttpEndpoint.start(address, Map.of(ORDERS_ROUTE, this::handleOrder));
    }

    public URI ordersUri() {
        return HttpEndpoint.baseUri(server).resolve(ORDERS_ROUTE);
    }

    private void handleOrder(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpEndpoint.rejectMethod(exchange);
            return;
        }
        // Unlike the shop, the CRM reads the order inside its span: the span continues the shop's trace,
        // so the parent's sampling decision applies and order.id is not needed at start.
        Context shopContext = propagator.extract(Context.root(), exchange, HttpHeaderCarriers.EXCHANGE_GETTER);
        Span span = HttpEndpoint.serverSpan(tracer, shopContext, exchange, ORDERS_ROUTE)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            OrderPayload order = OrderPayload.parse(HttpEndpoint.readBody(exchange));
            span.setAttribute(OrderSpans.ORDER_ID, order.orderId());
            OrderSpans.status(span, OrderStatus.SENT_TO_CRM);
            Simulation simulation =
                    Simulation.fromHeader(exchange.getRequestHeaders().getFirst(Simulation.HTTP_HEADER));
            OrderStatus status = handle(order, simulation);
            OrderSpans.status(span, status);
            HttpEndpoint.respond(exchange, span, 202, JSON.writeValueAsString(answer(order, status)));
        } catch (MalformedOrderException e) {
            span.recordException(e);
            HttpEndpoint.respond(exchange, span, 400, JSON.writeValueAsString(Map.of("error", e.getMessage())));
        } catch (IOException | RuntimeException e) {
            OrderSpans.fail(span, e);
            HttpEndpoint.respond(
                    exchange, span, 500, JSON.writeValueAsString(Map.of("error", String.valueOf(e.getMessage()))));
        } finally {
            span.end();
        }
    }

    private OrderStatus handle(OrderPayload order, Simulation simulation) throws IOException {
        process(order);
        if (simulation.outcome() == Outcome.STUCK) {
            // Fault injection: the CRM parks the order (think of a credit check that never answers)
            // and never publishes it. Nothing fails, the trace just ends at order.process.
            return OrderStatus.IN_CRM;
        }
        publisher.publish(order, simulation);
        return OrderStatus.SENT_TO_MES;
    }

    /** Stage crm.process. A real CRM checks the customer and books the order here. */
    private void process(OrderPayload order) {
        Span span = tracer.spanBuilder("order.process")
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.SENT_TO_CRM.name())
                .startSpan();
        try {
            OrderSpans.status(span, OrderStatus.IN_CRM);
        } finally {
            span.end();
        }
    }

    private static Map<String, Object> answer(OrderPayload order, OrderStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", order.orderId());
        fields.put("status", status.name());
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
