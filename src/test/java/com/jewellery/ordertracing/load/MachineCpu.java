package com.jewellery.ordertracing.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The machine's CPU time from {@code /proc/stat}: how many cores were busy, whoever used them. */
final class MachineCpu {

    private MachineCpu() {}

    /** The first line's jiffies: user, nice, system, idle, iowait, irq, softirq, steal. */
    static long[] read() throws IOException {
        String first = Files.readAllLines(Path.of("/proc/stat")).getFirst();
        return parse(first);
    }

    static long[] parse(String cpuLine) {
        return Arrays.stream(cpuLine.trim().split("\\s+"))
                .skip(1)
                .limit(8)
                .mapToLong(Long::parseLong)
                .toArray();
    }

    /** Busy cores between two readings: the non-idle share of all time times the number of cores. */
    static double busyCores(long[] before, long[] after) {
        long total = 0;
        long idle = 0;
        for (int i = 0; i < after.length; i++) {
            long delta = after[i] - before[i];
            total += delta;
            if (i == 3 || i == 4) {
                idle += delta;
            }
        }
        return total == 0
                ? 0
                : (total - idle) / (double) total * Runtime.getRuntime().availableProcessors();
    }
}
