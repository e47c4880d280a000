package com.jewellery.orderflow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads spans from Jaeger's api_v3 over HTTP (the JSON gateway on the query port). In Jaeger v2.13
 * the gateway's FindTraces filters by service and time but not by attributes, so tests fetch a run's
 * traces per service and pick orders by order.id themselves.
 */
final class JaegerHttp {

    private static final int SEARCH_DEPTH = 5_000;

    private final URI queryUri;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    JaegerHttp(URI queryUri) {
        this.queryUri = queryUri;
    }

    /** Every span of every trace that has a span of the service starting in the window. */
    List<TracedSpan> spansOfTraces(String service, Instant from, Instant to) throws IOException, InterruptedException {
        String query = "query.service_name=" + encode(service)
                + "&query.start_time_min=" + encode(from.toString())
                + "&query.start_time_max=" + encode(to.toString())
                + "&query.num_traces=" + SEARCH_DEPTH;
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(queryUri.resolve("/api/v3/traces?" + query))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of(); // api_v3 answers "no traces found" with 404
        }
        if (response.statusCode() != 200) {
            throw new IOException("Jaeger answered " + response.statusCode() + ": " + response.body());
        }
        return spans(json.readTree(response.body()).path("result"));
    }

    private static List<TracedSpan> spans(JsonNode tracesData) {
        List<TracedSpan> spans = new ArrayList<>();
        for (JsonNode resourceSpans : tracesData.path("resourceSpans")) {
            String service = attributes(resourceSpans.path("resource").path("attributes"))
                    .get("service.name");
            for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
                for (JsonNode span : scopeSpans.path("spans")) {
                    spans.add(span(service, span));
                }
            }
        }
        return spans;
    }

    private static TracedSpan span(String service, JsonNode span) {
        List<TracedSpan.Event> events = new ArrayList<>();
        for (JsonNode event : span.path("events")) {
            events.add(new TracedSpan.Event(event.path("name").asString(), attributes(event.path("attributes"))));
        }
        List<TracedSpan.Link> links = new ArrayList<>();
        for (JsonNode link : span.path("links")) {
            links.add(new TracedSpan.Link(
                    link.path("traceId").asString(), link.path("spanId").asString()));
        }
        return new TracedSpan(
                service,
                span.path("traceId").asString(),
                span.path("spanId").asString(),
                span.path("parentSpanId").asString(""),
                span.path("name").asString(),
                span.path("kind").asInt(),
                span.path("status").path("code").asInt(0),
                Long.parseLong(span.path("startTimeUnixNano").asString()),
                Long.parseLong(span.path("endTimeUnixNano").asString()),
                attributes(span.path("attributes")),
                events,
                links);
    }

    /**
     * OTLP attributes as strings: {"key": k, "value": {"stringValue": v}} or intValue, boolValue...;
     * array and map values (other services write some) as their JSON.
     */
    private static Map<String, String> attributes(JsonNode keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode keyValue : keyValues) {
            String text = keyValue.path("value").properties().stream()
                    .findFirst()
                    .map(entry -> entry.getValue().isValueNode()
                            ? entry.getValue().asString()
                            : entry.getValue().toString())
                    .orElse("");
            attributes.put(keyValue.path("key").asString(), text);
        }
        return attributes;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
