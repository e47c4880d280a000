package com.jewellery.ordertracing.load;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.support.GeneratedOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The load and soak commands of issue 17 ({@code bin/load-benchmark load|soak}): the real order flow at a steady
 * rate (12 orders/s is a million a day) into a Jaeger the portal indexes from, optionally with browser users
 * (see {@link BrowserUsers}) on the running portal, for a bounded time. Samples the portal's CPU, heap after GC
 * and index lag while it runs, then waits for the indexer to catch up and checks the flow's ground truth
 * against the index: every accepted order present once. The script starts the portal, its database and the
 * Jaeger; this class only drives and measures. Prints a Markdown report.
 */
public final class LoadRun {

    /**
     * The generator's default mix without MES outages: an outage holds the sending until the MES has caught up,
     * which breaks the steady rate this run is about (and, at 12 orders/s with outages of 5, hung the generator
     * waiting for answers in the first run).
     */
    private static final String MIX = "ok=90,lost=2,stuck=2,pricing_error=2,slow_pricing=2,poison=2";

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    private LoadRun() {}

    public static void main(String... args) throws Exception {
        Map<String, String> options = options(args);
        int users = Integer.parseInt(options.getOrDefault("users", "0"));
        Duration duration =
                Duration.parse("PT" + options.getOrDefault("duration", "5m").toUpperCase());
        double rate = Double.parseDouble(options.getOrDefault("rate", "12"));
        Duration settle =
                Duration.parse("PT" + options.getOrDefault("settle", "3m").toUpperCase());
        Path work = Path.of(options.getOrDefault("work", "target/load"));
        Files.createDirectories(work);
        Path idsFile = work.resolve("order-ids.txt");
        Files.write(idsFile, List.of());
        System.out.printf(
                "Load run: %d browser users, %.1f orders/s for %s, %s, %d cores, load average %s.%n",
                users, rate, duration, Instant.now(), Runtime.getRuntime().availableProcessors(), loadAverage());

        try (Connection database = DriverManager.getConnection(options.get("db"), "portal", "portal")) {
            PortalSamples samples = new PortalSamples(
                    Long.parseLong(options.get("portal-pid")),
                    new GcLog(Path.of(options.get("gc-log"))),
                    database,
                    idsFile);
            int count = (int) Math.round(rate * duration.toSeconds());
            // a thread of its own: on two cores the common pool has one worker, and the flow's HTTP answers
            // complete there, so a flow blocking in it starves itself (it hung at 256 orders in flight)
            CompletableFuture<GroundTruth> flow = new CompletableFuture<>();
            Thread.ofPlatform().name("order-flow").start(() -> {
                try {
                    flow.complete(GeneratedOrders.play(count, MIX, rate, 20261201, 5, options.get("otlp-endpoint")));
                } catch (Exception | Error failed) {
                    flow.completeExceptionally(failed);
                }
            });
            Instant started = Instant.now();
            BrowserUsers browsers = null;
            Instant usersArrived = null;
            while (!flow.isDone()) {
                Thread.sleep(SAMPLE_EVERY.toMillis());
                PortalSamples.Sample sample = samples.take();
                if (browsers == null && users > 0 && sample.journeys() > 0) {
                    Duration left = duration.minus(Duration.between(started, Instant.now()));
                    System.out.printf(
                            "First journeys indexed after %d s; %d users start for %d s.%n",
                            Duration.between(started, Instant.now()).toSeconds(), users, left.toSeconds());
                    Duration ramp = ramp(options, left);
                    usersArrived = Instant.now().plus(ramp);
                    browsers = BrowserUsers.start(
                            options.getOrDefault("node", "node"),
                            Path.of(options.getOrDefault("users-script", "src/test/load/users.mjs")),
                            Path.of(options.get("playwright-core")),
                            options.get("portal-url"),
                            users,
                            left,
                            idsFile,
                            ramp,
                            options.containsKey("browser-home") ? Path.of(options.get("browser-home")) : null,
                            Boolean.parseBoolean(options.getOrDefault("browsers-idle", "false")));
                }
                if (sample.at().getEpochSecond() % 60 < SAMPLE_EVERY.toSeconds()) {
                    System.out.printf(
                            "  %s: portal %.2f cores, machine %.2f cores busy, cursor lag %.1f s, newest order %.1f s"
                                    + " old, %d journeys, heap after GC %s MB%n",
                            sample.at(),
                            sample.portalCores(),
                            sample.machineBusyCores(),
                            sample.cursorLagSeconds(),
                            sample.newestOrderAgeSeconds(),
                            sample.journeys(),
                            sample.collections().stream()
                                    .map(c -> Integer.toString(c.afterMb()))
                                    .toList());
                }
            }
            GroundTruth truth = flow.join();
            Instant flowEnded = Instant.now();
            int browserExit = browsers == null ? 0 : browsers.await(Duration.ofMinutes(2));
            Duration caughtUp = awaitIndexed(database, truth, settle, samples);
            Coverage coverage = coverage(database, truth);
            new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            options.get("portal-pid"),
                            "GC.run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            Thread.sleep(1000);
            List<GcLog.Collection> all = new GcLog(Path.of(options.get("gc-log"))).collections();
            new LoadReport(samples.samples(), browsers, browserExit, truth, coverage, caughtUp, all, started, flowEnded)
                    .print(System.out);
            printServerTimes(ServerTimes.uidl(work.resolve("access.log"), Instant.EPOCH), "the whole run");
            if (usersArrived != null) {
                printServerTimes(
                        ServerTimes.uidl(work.resolve("access.log"), usersArrived),
                        "after the last user arrived (" + usersArrived + ")");
            }
            System.out.printf("Load average at the end: %s.%n", loadAverage());
        }
    }

    private static void printServerTimes(Distribution server, String when) {
        System.out.printf(
                "Portal's own time per UIDL request (each user action; Tomcat's access log), %s: %d requests, p50 %.1f"
                        + " ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms.%n",
                when,
                server.count(),
                server.percentile(0.5),
                server.percentile(0.95),
                server.percentile(0.99),
                server.max());
    }

    /**
     * How long the users take to arrive, one after another: {@code --ramp} (e.g. {@code 3m}), by default a quarter
     * of their time, at most 30 s.
     */
    private static Duration ramp(Map<String, String> options, Duration left) {
        return options.containsKey("ramp")
                ? Duration.parse("PT" + options.get("ramp").toUpperCase())
                : Duration.ofSeconds(Math.min(30, Math.max(1, left.toSeconds() / 4)));
    }

    /** Orders of the run in the index: distinct ids, rows (a duplicate is a second row), and accepted ones. */
    record Coverage(long distinct, long rows, long accepted) {

        long missing() {
            return accepted - distinct;
        }
    }

    private static Duration awaitIndexed(Connection database, GroundTruth truth, Duration limit, PortalSamples samples)
            throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
            if (coverage(database, truth).missing() <= 0) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(1000);
        }
        samples.take();
        return null;
    }

    private static Coverage coverage(Connection database, GroundTruth truth) throws Exception {
        long accepted = truth.orders().stream().filter(SentOrder::accepted).count();
        try (PreparedStatement query = database.prepareStatement(
                "SELECT count(DISTINCT order_id), count(*) FROM order_journey WHERE order_id = ANY (?)")) {
            query.setArray(
                    1,
                    database.createArrayOf(
                            "varchar",
                            truth.orders().stream()
                                    .filter(SentOrder::accepted)
                                    .map(sent -> sent.order().orderId())
                                    .toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Coverage(row.getLong(1), row.getLong(2), accepted);
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException unreadable) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
