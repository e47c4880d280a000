package com.jewellery.ordertracing.load;

import com.jewellery.orderflow.scenario.GroundTruth;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The figures of one load run, as Markdown for docs/benchmarks.md. */
record LoadReport(
        List<PortalSamples.Sample> samples,
        BrowserUsers browsers,
        int browserExit,
        GroundTruth truth,
        LoadRun.Coverage coverage,
        Duration caughtUp,
        List<GcLog.Collection> collections,
        Instant started,
        Instant flowEnded) {

    /** The heap is shown over this many equal parts of the run, to see whether it climbs. */
    private static final int PARTS = 6;

    void print(PrintStream out) {
        out.printf(
                "%nFlow: %d orders sent in %d s (%.1f orders/s), %d accepted.%n",
                truth.orders().size(),
                Duration.between(truth.startedAt(), truth.finishedAt()).toSeconds(),
                truth.orders().size()
                        / Math.max(
                                1.0,
                                Duration.between(truth.startedAt(), truth.finishedAt())
                                        .toSeconds()),
                coverage.accepted());
        if (browsers != null) {
            printBrowsers(out);
        }
        List<PortalSamples.Sample> indexing =
                samples.stream().filter(s -> s.journeys() > 0).toList();
        out.println("\n| measure (5 s samples while the flow ran) | p50 | p95 | max |");
        out.println("|---|---|---|---|");
        row(out, "portal JVM CPU, cores", indexing, PortalSamples.Sample::portalCores);
        row(out, "whole machine CPU busy, cores (all processes)", indexing, PortalSamples.Sample::machineBusyCores);
        row(out, "index lag: now − indexer's earliest cursor, s", indexing, PortalSamples.Sample::cursorLagSeconds);
        row(
                out,
                "index lag: age of the newest indexed order, s",
                indexing,
                PortalSamples.Sample::newestOrderAgeSeconds);
        printHeap(out);
        out.printf(
                "%nGround truth: %d accepted orders, %d in the index (%d rows: %d duplicated), %d missing; "
                        + "%s after the flow ended.%n",
                coverage.accepted(),
                coverage.distinct(),
                coverage.rows(),
                coverage.rows() - coverage.distinct(),
                coverage.missing(),
                caughtUp == null ? "NOT all indexed" : "all indexed " + caughtUp.toSeconds() + " s");
    }

    private void printBrowsers(PrintStream out) {
        out.printf("%nBrowser users (Node exit %d):%n%n", browserExit);
        out.println("| step | done | failed | p50 ms | p95 ms | max ms |");
        out.println("|---|---|---|---|---|---|");
        Map<String, Distribution> ok = browsers.okMillis();
        Map<String, Integer> failed = browsers.failures();
        java.util.Set<String> steps = new java.util.TreeSet<>(ok.keySet());
        steps.addAll(failed.keySet());
        for (String step : steps) {
            Distribution d = ok.getOrDefault(step, new Distribution());
            out.printf(
                    "| %s | %d | %d | %.0f | %.0f | %.0f |%n",
                    step.equals("lookup") ? "lookup: Enter → journey drawn" : step,
                    d.count(),
                    failed.getOrDefault(step, 0),
                    d.percentile(0.5),
                    d.percentile(0.95),
                    d.max());
        }
        browsers.firstErrors().forEach(error -> out.println("  failure: " + error));
    }

    private static void row(
            PrintStream out, String name, List<PortalSamples.Sample> of, ToDoubleFunction<PortalSamples.Sample> value) {
        Distribution d = new Distribution();
        of.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).forEach(d::add);
        out.printf("| %s | %.2f | %.2f | %.2f |%n", name, d.percentile(0.5), d.percentile(0.95), d.max());
    }

    /** After-GC heap per part of the run (young collections), and the full collection forced at the end. */
    private void printHeap(PrintStream out) {
        out.println("\n| part of the run | collections | heap after GC, min MB | max MB |");
        out.println("|---|---|---|---|");
        Duration run = Duration.between(started, flowEnded);
        for (int part = 0; part < PARTS; part++) {
            Instant from = started.plus(run.multipliedBy(part).dividedBy(PARTS));
            Instant to = started.plus(run.multipliedBy(part + 1).dividedBy(PARTS));
            Distribution d = new Distribution();
            samples.stream()
                    .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                    .flatMap(s -> s.collections().stream())
                    .forEach(c -> d.add(c.afterMb()));
            out.printf(
                    "| %d–%d min | %d | %.0f | %.0f |%n",
                    Duration.between(started, from).toMinutes(),
                    Duration.between(started, to).toMinutes(),
                    d.count(),
                    d.percentile(0),
                    d.max());
        }
        collections.stream()
                .filter(GcLog.Collection::full)
                .reduce((first, second) -> second)
                .ifPresent(full ->
                        out.printf("Heap after the full GC forced at the end (jcmd GC.run): %d MB.%n", full.afterMb()));
    }
}
