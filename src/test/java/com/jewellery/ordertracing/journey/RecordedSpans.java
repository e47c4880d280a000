package com.jewellery.ordertracing.journey;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The span fixtures recorded from the real flow and Jaeger by {@link RecordSpanFixtures}: one JSON file
 * per order under {@code src/test/resources/journey/recorded}, named {@code <outcome>-<style>.json}, each
 * the order's spans as {@link SpanRecord} fields, ordered by start time.
 */
public final class RecordedSpans {

    static final Path SOURCE_DIRECTORY = Path.of("src/test/resources/journey/recorded");
    private static final String RESOURCE_DIRECTORY = "/journey/recorded/";
    private static final TypeReference<List<SpanRecord>> SPAN_LIST = new TypeReference<>() {};

    /** Records and their attribute maps keep a stable, readable order, so a re-recording diffs cleanly. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(SpanRecord.class, DerivedPropertiesIgnored.class)
            .build();

    private RecordedSpans() {}

    static String fileName(Outcome outcome, ConsumerStyle style) {
        return outcome.key() + "-" + style.key() + ".json";
    }

    public static List<SpanRecord> read(Outcome outcome, ConsumerStyle style) {
        String resource = RESOURCE_DIRECTORY + fileName(outcome, style);
        try (InputStream in = RecordedSpans.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + resource + ": run RecordSpanFixtures");
            }
            return JSON.readValue(in, SPAN_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<SpanRecord> spans) {
        JSON.writeValue(
                file.toFile(),
                spans.stream()
                        .sorted(Comparator.comparingLong(SpanRecord::startEpochNanos)
                                .thenComparing(SpanRecord::spanId))
                        .toList());
    }

    /** {@code isRoot()} and {@code isError()} are derived from the fields, not fields of their own. */
    @JsonIgnoreProperties({"root", "error"})
    private interface DerivedPropertiesIgnored {}
}
