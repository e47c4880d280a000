package com.jewellery.ordertracing.support;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import com.jewellery.orderflow.scenario.FlowSettings;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.OrderFlow;
import com.jewellery.orderflow.scenario.OutcomeMix;
import com.jewellery.orderflow.scenario.ScenarioGenerator;
import com.jewellery.orderflow.scenario.ScenarioPlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Runs the real order flow (shop, CRM, MES over HTTP and RabbitMQ, spans to the stack's Jaeger) in this
 * JVM with every trace sampled, and returns the generator's ground truth. Each run gets a RabbitMQ virtual
 * host of its own, deleted afterwards.
 */
public final class GeneratedOrders {

    public static final String EVERY_OUTCOME = "ok=1,lost=1,stuck=1,pricing_error=1,slow_pricing=1,poison=1,mes_down=1";
    private static final String STACK_OTLP = StackJaeger.BADGER.otlp();
    private static final URI RABBIT_MANAGEMENT = URI.create("http://127.0.0.1:15672");

    private GeneratedOrders() {}

    /** Plays {@code count} orders in both consumer styles at {@code rate} orders per second. */
    public static GroundTruth play(int count, String mix, double rate, long seed) throws Exception {
        return play(count, mix, rate, seed, 5, STACK_OTLP);
    }

    /**
     * @param outageSize   MES_DOWN orders sent per one-second MES outage
     * @param otlpEndpoint where the spans go, e.g. {@code https://127.0.0.1:4317}
     */
    public static GroundTruth play(int count, String mix, double rate, long seed, int outageSize, String otlpEndpoint)
            throws Exception {
        return play(
                ScenarioPlan.draw(
                        ScenarioPlan.newRunId(), seed, count, OutcomeMix.parse(mix), List.of(ConsumerStyle.values())),
                rate,
                outageSize,
                otlpEndpoint);
    }

    /** Plays {@code count} orders in the given consumer styles, sampled as a company following the 10 % plan might. */
    public static GroundTruth playSampled(
            int count,
            String mix,
            double rate,
            long seed,
            List<ConsumerStyle> styles,
            SamplingMode sampling,
            double ratio)
            throws Exception {
        return play(
                ScenarioPlan.draw(ScenarioPlan.newRunId(), seed, count, OutcomeMix.parse(mix), styles),
                rate,
                5,
                STACK_OTLP,
                sampling,
                ratio,
                Duration.ofMillis(500));
    }

    /** Plays each outcome in each consumer style once. */
    public static GroundTruth playEveryOutcome(double rate) throws Exception {
        return play(ScenarioPlan.everyOutcome(ScenarioPlan.newRunId(), 1), rate, 5, STACK_OTLP);
    }

    /** As {@link #play(int, String, double, long)}, with SLOW_PRICING orders' pricing taking {@code slowPricing}. */
    public static GroundTruth playWithSlowPricing(int count, String mix, double rate, long seed, Duration slowPricing)
            throws Exception {
        return play(
                ScenarioPlan.draw(
                        ScenarioPlan.newRunId(), seed, count, OutcomeMix.parse(mix), List.of(ConsumerStyle.values())),
                rate,
                5,
                STACK_OTLP,
                SamplingMode.RATIO,
                1.0,
                slowPricing);
    }

    private static GroundTruth play(ScenarioPlan plan, double rate, int outageSize, String otlpEndpoint)
            throws Exception {
        return play(plan, rate, outageSize, otlpEndpoint, SamplingMode.RATIO, 1.0, Duration.ofMillis(500));
    }

    private static GroundTruth play(
            ScenarioPlan plan,
            double rate,
            int outageSize,
            String otlpEndpoint,
            SamplingMode sampling,
            double ratio,
            Duration slowPricing)
            throws Exception {
        // a virtual host per run: no other MES on the broker takes its messages, nothing is left behind
        String virtualHost = "indexer-" + plan.runId().toLowerCase(Locale.ROOT);
        request("PUT", "/api/vhosts/" + virtualHost, "");
        try {
            request(
                    "PUT",
                    "/api/permissions/" + virtualHost + "/guest",
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
            FlowSettings settings = new FlowSettings(
                    new TelemetrySettings(otlpEndpoint, sampling, ratio),
                    "amqp://guest:guest@127.0.0.1:5672/" + virtualHost,
                    0,
                    0,
                    slowPricing);
            try (OrderFlow flow = OrderFlow.start(settings)) {
                return new ScenarioGenerator(flow, rate, Duration.ofSeconds(1), outageSize)
                        .play(plan, sampling.key() + " " + ratio);
            }
        } finally {
            request("DELETE", "/api/vhosts/" + virtualHost, "");
        }
    }

    private static void request(String method, String path, String body) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(RABBIT_MANAGEMENT.resolve(path))
                            .header("Authorization", "Basic " + credentials)
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IOException(
                        "RabbitMQ management answered " + response.statusCode() + " to " + method + " " + path);
            }
        }
    }
}
