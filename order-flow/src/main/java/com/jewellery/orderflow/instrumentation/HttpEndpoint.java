package com.jewellery.orderflow.instrumentation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The HTTP plumbing shop and CRM share: a JDK server on virtual threads, and the SERVER span every
 * request gets. Frameworks with OpenTelemetry instrumentation write that span for you; without one,
 * this is the minimum the semantic conventions ask for.
 */
final class HttpEndpoint {

    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    static {
        // The JDK server closes keep-alive connections beyond 200 idle ones while the client still pools
        // them: with up to a thousand orders in flight the client then writes to a closed connection and the
        // order is refused ("header parser received no bytes"). Read once, when the first server starts.
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "5000");
        }
    }

    private HttpEndpoint() {}

    static HttpServer start(InetSocketAddress address, Map<String, HttpHandler> handlersByPath) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        handlersByPath.forEach(server::createContext);
        // One virtual thread per request: a request waiting on the next service costs no platform thread.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    static URI baseUri(HttpServer server) {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    /** A SERVER span named {@code METHOD route}, as the HTTP conventions ask. */
    static SpanBuilder serverSpan(Tracer tracer, Context parent, HttpExchange exchange, String route) {
        String method = exchange.getRequestMethod();
        InetSocketAddress local = exchange.getLocalAddress();
        return tracer.spanBuilder(method + " " + route)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute(OrderSpans.HTTP_METHOD, method)
                .setAttribute(OrderSpans.HTTP_ROUTE, route)
                .setAttribute(OrderSpans.URL_PATH, exchange.getRequestURI().getPath())
                .setAttribute(OrderSpans.URL_SCHEME, "http")
                .setAttribute(OrderSpans.SERVER_ADDRESS, local.getHostString())
                .setAttribute(OrderSpans.SERVER_PORT, (long) local.getPort());
    }

    static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends a JSON response and records its status code. Callers answer 5xx only after
     * {@link OrderSpans#fail} has marked the span failed with the cause.
     */
    static void respond(HttpExchange exchange, Span span, int status, String json) throws IOException {
        span.setAttribute(OrderSpans.HTTP_STATUS, (long) status);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Answers a request that does not match the endpoint's one method, without a span. */
    static void rejectMethod(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(405, -1);
        exchange.close();
    }
}
