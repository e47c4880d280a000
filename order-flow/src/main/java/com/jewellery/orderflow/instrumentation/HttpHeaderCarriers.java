package com.jewellery.orderflow.instrumentation;

import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.http.HttpRequest;

/** Lets the W3C propagator read {@code traceparent} from a JDK server exchange and write it to a client request. */
final class HttpHeaderCarriers {

    static final TextMapGetter<HttpExchange> EXCHANGE_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange exchange) {
            return exchange.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpExchange exchange, String key) {
            return exchange.getRequestHeaders().getFirst(key);
        }
    };

    static final TextMapSetter<HttpRequest.Builder> REQUEST_SETTER =
            (request, key, value) -> request.header(key, value);

    private HttpHeaderCarriers() {}
}
