package com.jewellery.ordertracing.index.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of the processes a benchmark keeps busy, so it can say where its time went: this JVM, the
 * Jaeger it started, and every PostgreSQL process (backends, WAL writer, checkpointer). Reads what the
 * operating system reports per process; a process that exits in between drops out of the sum.
 */
final class CpuByProcess {

    private final Map<String, Long> others;

    CpuByProcess(long jaegerPid) {
        this(Map.of("Jaeger", jaegerPid));
    }

    /** @param others further processes by the name to print, e.g. two Jaegers */
    CpuByProcess(Map<String, Long> others) {
        this.others = new LinkedHashMap<>(others);
    }

    /** CPU time so far per group: {@code indexer JVM}, the named processes, {@code PostgreSQL}. */
    Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put("indexer JVM", cpuOf(ProcessHandle.current()));
        others.forEach((name, pid) ->
                cpu.put(name, ProcessHandle.of(pid).map(CpuByProcess::cpuOf).orElse(Duration.ZERO)));
        cpu.put(
                "PostgreSQL",
                ProcessHandle.allProcesses()
                        .filter(process -> process.info()
                                .command()
                                .filter(command -> command.endsWith("/postgres"))
                                .isPresent())
                        .map(CpuByProcess::cpuOf)
                        .reduce(Duration.ZERO, Duration::plus));
        return cpu;
    }

    /** What each group used between the two snapshots, in seconds and in cores over {@code wall}. */
    static String between(Map<String, Duration> before, Map<String, Duration> after, Duration wall) {
        StringBuilder line = new StringBuilder();
        after.forEach((group, total) -> {
            double seconds =
                    total.minus(before.getOrDefault(group, Duration.ZERO)).toMillis() / 1000.0;
            line.append(String.format(
                    "%s%s %.1f s (%.2f cores)",
                    line.isEmpty() ? "" : ", ", group, seconds, seconds / (wall.toMillis() / 1000.0)));
        });
        return line.toString();
    }

    private static Duration cpuOf(ProcessHandle process) {
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.orElse(Duration.ZERO);
    }
}
