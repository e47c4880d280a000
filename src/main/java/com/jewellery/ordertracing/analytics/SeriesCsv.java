package com.jewellery.ordertracing.analytics;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a chart shows, as CSV: one row per bucket of the stage (empty buckets included, with empty cells),
 * durations in milliseconds and shares as fractions, so a spreadsheet computes with them as they are.
 */
public final class SeriesCsv {

    public static final String HEADER =
            "stage,bucket_start,bucket_seconds,orders,p50_ms,p95_ms,p99_ms,error_rate,sla_compliance";

    private SeriesCsv() {}

    public static void write(StageSeries series, Resolution resolution, Writer out) throws IOException {
        out.write(HEADER + "\n");
        for (StageSeries.Point point : series.points()) {
            Histogram histogram = point.histogram();
            out.write(String.join(
                            ",",
                            series.stageId(),
                            point.start().toString(),
                            Long.toString(resolution.step().toSeconds()),
                            Long.toString(histogram.total()),
                            millis(histogram.percentileMicros(0.5)),
                            millis(histogram.percentileMicros(0.95)),
                            millis(histogram.percentileMicros(0.99)),
                            fraction(histogram.errorRate()),
                            fraction(histogram.slaCompliance()))
                    + "\n");
        }
    }

    private static String millis(OptionalDouble micros) {
        return micros.isPresent() ? String.format(Locale.ROOT, "%.3f", micros.getAsDouble() / 1000) : "";
    }

    private static String fraction(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.6f", share.getAsDouble()) : "";
    }
}
