package com.jewellery.orderflow.instrumentation;

import com.jewellery.orderflow.instrumentation.OrderPayload.MalformedOrderException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web shop: {@code POST /orders} takes an order, creates it and hands it to the CRM over HTTP.
 * The response names the trace id, so support can be given a handle on the order's trace.
 * {@code GET /health} is the kind of other traffic every service also serves.
 */
public final class ShopService implements AutoCloseable {

    private static final String ORDERS_ROUTE = "/orders";
    private static final String HEALTH_ROUTE = "/health";
    private static final Duration CRM_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** HTTP/1.1: the JDK's HTTP server speaks nothing else, so no upgrade attempt per connection. */
    private final HttpClient crmClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CRM_TIMEOUT)
            .build();

    private final URI crmOrders;
    private final HttpServer server;

    public ShopService(OpenTelemetry telemetry, URI crmOrders, InetSocketAddress address) throws IOException {
        this.tracer = telemetry.getTracer("com.jewellery.orderflow.shop");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.crmOrders = crmOrders;
        this.server =
                HttpEndpoint.start(address, Map.of(ORDERS_ROUTE, this::handleOrder, HEALTH_ROUTE, this::handleHealth));
    }

    public URI baseUri() {
        return HttpEndpoint.baseUri(server);
    }

    private void handleOrder(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpEndpoint.rejectMethod(exchange);
            return;
        }
        // Read the order before starting the span: a sampler decides when the span starts and can
        // only keep every order (order-aware sampling) if order.id is among the start attributes.
        String body = HttpEndpoint.readBody(exchange);
        OrderPayload order;
        try {
            order = OrderPayload.parse(body);
        } catch (MalformedOrderException e) {
            rejectMalformed(exchange, e);
            return;
        }
        Span span = HttpEndpoint.serverSpan(tracer, Context.root(), exchange, ORDERS_ROUTE)
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.CREATED.name())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            create(order);
            sendToCrm(order, exchange.getRequestHeaders().getFirst(Simulation.HTTP_HEADER));
            OrderSpans.status(span, OrderStatus.SENT_TO_CRM);
            HttpEndpoint.respond(exchange, span, 201, receipt(order, OrderStatus.SENT_TO_CRM, span.getSpanContext()));
        } catch (InvalidOrderException e) {
            HttpEndpoint.respond(exchange, span, 422, JSON.writeValueAsString(Map.of("error", e.getMessage())));
        } catch (IOException | RuntimeException e) {
            OrderSpans.fail(span, e);
            HttpEndpoint.respond(
                    exchange, span, 502, JSON.writeValueAsString(Map.of("error", String.valueOf(e.getMessage()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            OrderSpans.fail(span, e);
            HttpEndpoint.respond(exchange, span, 503, JSON.writeValueAsString(Map.of("error", "shutting down")));
        } finally {
            span.end();
        }
    }

    /** Stage shop.create. A real shop validates and stores the order here. */
    private void create(OrderPayload order) {
        Span span = tracer.spanBuilder("order.create")
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .startSpan();
        try {
            if (order.weightGrams() <= 0) {
                throw new InvalidOrderException("weight must be positive: " + order.weightGrams());
            }
            OrderSpans.status(span, OrderStatus.CREATED);
        } catch (RuntimeException e) {
            OrderSpans.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Stage shop.send: the CLIENT span whose context travels to the CRM in the traceparent header. */
    private void sendToCrm(OrderPayload order, String simulation) throws IOException, InterruptedException {
        Span span = tracer.spanBuilder("crm.send")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(OrderSpans.ORDER_ID, order.orderId())
                .setAttribute(OrderSpans.ORDER_STATUS, OrderStatus.CREATED.name())
                .setAttribute(OrderSpans.HTTP_METHOD, "POST")
                .setAttribute(OrderSpans.URL_FULL, crmOrders.toString())
                .setAttribute(OrderSpans.SERVER_ADDRESS, crmOrders.getHost())
                .setAttribute(OrderSpans.SERVER_PORT, (long) crmOrders.getPort())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(crmOrders)
                    .timeout(CRM_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order.toJson()));
            if (simulation != null) {
                request.header(Simulation.HTTP_HEADER, simulation);
            }
            propagator.inject(Context.current(), request, HttpHeaderCarriers.REQUEST_SETTER);
            HttpResponse<String> response = crmClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
            span.setAttribute(OrderSpans.HTTP_STATUS, (long) response.statusCode());
            if (response.statusCode() >= 400) {
                throw new IOException("CRM answered " + response.statusCode() + ": " + response.body());
            }
            OrderSpans.status(span, OrderStatus.SENT_TO_CRM);
        } catch (IOException | RuntimeException | InterruptedException e) {
            OrderSpans.fail(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String receipt(OrderPayload order, OrderStatus status, SpanContext trace) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", order.orderId());
        fields.put("status", status.name());
        fields.put("traceId", trace.getTraceId());
        fields.put("sampled", trace.isSampled());
        return JSON.writeValueAsString(fields);
    }

    /** A request that is no order: answered 400, traced without order.id, so sampled like other traffic. */
    private void rejectMalformed(HttpExchange exchange, MalformedOrderException e) throws IOException {
        Span span = HttpEndpoint.serverSpan(tracer, Context.root(), exchange, ORDERS_ROUTE)
                .startSpan();
        try {
            span.recordException(e);
            HttpEndpoint.respond(exchange, span, 400, JSON.writeValueAsString(Map.of("error", e.getMessage())));
        } finally {
            span.end();
        }
    }

    private void handleHealth(HttpExchange exchange) throws IOException {
        Span span = HttpEndpoint.serverSpan(tracer, Context.root(), exchange, HEALTH_ROUTE)
                .startSpan();
        try {
            HttpEndpoint.respond(exchange, span, 200, JSON.writeValueAsString(Map.of("status", "UP")));
        } finally {
            span.end();
        }
    }

    /** An order the shop refuses to create; the customer has to fix it. */
    static final class InvalidOrderException extends RuntimeException {
        InvalidOrderException(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        crmClient.close();
    }
}
