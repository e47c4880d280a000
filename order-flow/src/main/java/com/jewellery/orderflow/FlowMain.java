package com.jewellery.orderflow;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import com.jewellery.orderflow.scenario.FlowSettings;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.OrderFlow;
import com.jewellery.orderflow.scenario.OutcomeMix;
import com.jewellery.orderflow.scenario.ScenarioGenerator;
import com.jewellery.orderflow.scenario.ScenarioPlan;
import com.jewellery.orderflow.scenario.SentOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The order flow from the command line.
 *
 * <pre>
 * generate --orders N --rate R --seed S [--mix ok=90,lost=2,...] [--sampling ratio|order-aware|link-aware]
 *          [--consumer-style continue|link|mixed] [--ground-truth target/ground-truth.json]
 * demo     [--rate 2] [--mix ...] ...            runs until stopped, for a portal with live data
 * </pre>
 *
 * Both also take --otlp-endpoint, --rabbit-uri, --sampling-ratio, --shop-port, --crm-port,
 * --slow-pricing-seconds, --mes-down-seconds, --outage-size; generate also --run-id.
 */
public final class FlowMain {

    private static final Set<String> COMMON_OPTIONS = Set.of(
            "otlp-endpoint",
            "rabbit-uri",
            "sampling",
            "sampling-ratio",
            "shop-port",
            "crm-port",
            "slow-pricing-seconds",
            "mes-down-seconds",
            "outage-size",
            "consumer-style",
            "mix",
            "rate",
            "seed");
    private static final Set<String> GENERATE_OPTIONS = Set.of("orders", "ground-truth", "run-id");
    private static final Duration DEMO_STOP_TIMEOUT = Duration.ofSeconds(15);

    private FlowMain() {}

    public static void main(String... args) throws Exception {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            exitWithUsage(e.getMessage());
            return;
        }
        switch (commandLine.command()) {
            case "generate" -> generate(commandLine);
            case "demo" -> demo(commandLine);
            default -> exitWithUsage("unknown command '" + commandLine.command() + "'");
        }
    }

    private static void generate(CommandLine options) throws Exception {
        options.allowOnly(union(COMMON_OPTIONS, GENERATE_OPTIONS));
        FlowSettings settings = flowSettings(options, SamplingMode.RATIO);
        ScenarioPlan plan = ScenarioPlan.draw(
                options.text("run-id", ScenarioPlan.newRunId()),
                options.longValue("seed", System.currentTimeMillis()),
                options.integer("orders", 1000),
                OutcomeMix.parse(options.text("mix", OutcomeMix.GENERATE_DEFAULT.toString())),
                consumerStyles(options.text("consumer-style", "continue")));
        Path groundTruthFile = Path.of(options.text("ground-truth", "target/ground-truth.json"));
        try (OrderFlow flow = OrderFlow.start(settings)) {
            ScenarioGenerator generator = new ScenarioGenerator(
                    flow,
                    options.decimal("rate", 200),
                    options.seconds("mes-down-seconds", 3),
                    options.integer("outage-size", 20));
            GroundTruth truth = generator.play(plan, describe(settings.telemetry()));
            truth.write(groundTruthFile);
            printSummary(truth, generator, groundTruthFile);
        }
    }

    private static void demo(CommandLine options) throws Exception {
        options.allowOnly(COMMON_OPTIONS);
        FlowSettings settings = flowSettings(options, SamplingMode.ORDER_AWARE);
        String runId = ScenarioPlan.newRunId();
        OrderFlow flow = OrderFlow.start(settings);
        ScenarioGenerator generator = new ScenarioGenerator(
                flow,
                options.decimal("rate", 2),
                options.seconds("mes-down-seconds", 10),
                options.integer("outage-size", 1));
        Thread sender = Thread.currentThread();
        // Stopped by a signal: let the orders in flight finish, then close, which exports the last spans.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            generator.stop();
            try {
                sender.join(DEMO_STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flow.close();
        }));
        System.out.println("Demo run " + runId + ": orders go to " + flow.shopUri() + " with "
                + describe(settings.telemetry()) + "; faults are listed below. Stop with Ctrl+C.");
        generator.send(
                ScenarioPlan.orders(
                                runId,
                                options.longValue("seed", System.currentTimeMillis()),
                                OutcomeMix.parse(options.text("mix", OutcomeMix.DEMO_DEFAULT.toString())),
                                consumerStyles(options.text("consumer-style", "mixed")))
                        .iterator(),
                FlowMain::printFault);
    }

    private static FlowSettings flowSettings(CommandLine options, SamplingMode defaultSampling) {
        TelemetrySettings telemetry = new TelemetrySettings(
                options.text("otlp-endpoint", env("OTEL_EXPORTER_OTLP_ENDPOINT", "https://127.0.0.1:4317")),
                SamplingMode.parse(options.text("sampling", defaultSampling.key())),
                options.decimal("sampling-ratio", 0.1),
                env("OTEL_EXPORTER_OTLP_CERTIFICATE", "").isEmpty()
                        ? null
                        : Path.of(env("OTEL_EXPORTER_OTLP_CERTIFICATE", "")));
        return new FlowSettings(
                telemetry,
                options.text("rabbit-uri", env("ORDERFLOW_RABBIT_URI", "amqp://guest:guest@127.0.0.1:5672")),
                options.integer("shop-port", 0),
                options.integer("crm-port", 0),
                options.seconds("slow-pricing-seconds", 3));
    }

    /** {@code continue}, {@code link} or {@code mixed} (each order picks one at random). */
    static List<ConsumerStyle> consumerStyles(String choice) {
        return "mixed".equals(choice) ? List.of(ConsumerStyle.values()) : List.of(ConsumerStyle.parse(choice));
    }

    private static String describe(TelemetrySettings telemetry) {
        return telemetry.samplingMode().key() + " sampling, ratio " + telemetry.samplingRatio();
    }

    private static void printSummary(GroundTruth truth, ScenarioGenerator generator, Path groundTruthFile) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        truth.orders().forEach(sent -> counts.merge(sent.order().outcome(), 1L, Long::sum));
        long refused = truth.orders().stream().filter(sent -> !sent.accepted()).count();
        Duration steady = generator.sendingTime().minus(generator.outageTime());
        long steadyOrders = truth.orders().size() - counts.getOrDefault(Outcome.MES_DOWN, 0L);
        System.out.printf(
                "Run %s: %d orders %s, %d refused by the shop.%n",
                truth.runId(), truth.orders().size(), counts, refused);
        System.out.printf(
                "Sent in %.1f s, of which %.1f s MES outages: %.0f orders/s outside outages.%n",
                seconds(generator.sendingTime()), seconds(generator.outageTime()), steadyOrders / seconds(steady));
        System.out.println("Ground truth: " + groundTruthFile.toAbsolutePath());
    }

    private static void printFault(SentOrder sent) {
        if (sent.order().outcome() != Outcome.OK || !sent.accepted()) {
            System.out.printf(
                    "%s %s (%s)%s trace %s%n",
                    sent.order().orderId(),
                    sent.order().outcome(),
                    sent.order().consumerStyle().key(),
                    sent.accepted() ? "" : " REFUSED",
                    sent.traceId());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        return Set.copyOf(Stream.concat(first.stream(), second.stream()).toList());
    }

    private static void exitWithUsage(String problem) {
        System.err.println(problem);
        System.err.println("""
                usage: FlowMain generate --orders N --rate R --seed S [--mix ok=90,lost=2,...]
                                [--sampling ratio|order-aware|link-aware] [--sampling-ratio 0.1]
                                [--consumer-style continue|link|mixed] [--ground-truth target/ground-truth.json]
                       FlowMain demo [--rate 2] [--mix ...] [--sampling order-aware] [--consumer-style mixed]
                common: --otlp-endpoint https://127.0.0.1:4317 --rabbit-uri amqp://guest:guest@127.0.0.1:5672
                        --shop-port 0 --crm-port 0 --slow-pricing-seconds 3 --mes-down-seconds S --outage-size N""");
        System.exit(2);
    }
}
