package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.AnalyticsRange;
import com.jewellery.ordertracing.analytics.StageMeasurement;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analytics view's state as URL query parameters:
 * {@code ?range=24h|...|custom&from=<ISO>&to=<ISO>&stage=<id>&compare=1&at=<ISO bucket start>}.
 * Unknown or malformed values fall back to the defaults.
 *
 * @param preset a preset key or {@code custom}
 * @param from   custom range start (null for presets)
 * @param to     custom range end (null for presets)
 */
record AnalyticsState(String preset, Instant from, Instant to, String stage, boolean compare, Instant at) {

    static final AnalyticsState DEFAULT =
            new AnalyticsState(AnalyticsRange.Preset.DAY.key(), null, null, StageMeasurement.END_TO_END, false, null);

    static AnalyticsState from(QueryParameters query, List<String> stages) {
        Map<String, List<String>> parameters = query.getParameters();
        String range = first(parameters, "range").orElse(DEFAULT.preset);
        Instant from =
                first(parameters, "from").flatMap(AnalyticsState::instant).orElse(null);
        Instant to = first(parameters, "to").flatMap(AnalyticsState::instant).orElse(null);
        String stage = first(parameters, "stage").filter(stages::contains).orElse(DEFAULT.stage);
        boolean compare = first(parameters, "compare").map("1"::equals).orElse(false);
        Instant at = first(parameters, "at").flatMap(AnalyticsState::instant).orElse(null);
        boolean custom = "custom".equals(range) && from != null && to != null;
        if (!custom && AnalyticsRange.Preset.of(range).isEmpty()) {
            range = DEFAULT.preset;
        }
        return custom
                ? new AnalyticsState(range, from, to, stage, compare, at)
                : new AnalyticsState(range, null, null, stage, compare, at);
    }

    AnalyticsRange range(Instant now) {
        return from != null
                ? new AnalyticsRange(from, to)
                : AnalyticsRange.last(AnalyticsRange.Preset.of(preset).orElseThrow(), now);
    }

    Optional<Instant> point() {
        return Optional.ofNullable(at);
    }

    AnalyticsState withPreset(String key) {
        return new AnalyticsState(key, null, null, stage, compare, null);
    }

    AnalyticsState withCustom(Instant start, Instant end) {
        return new AnalyticsState("custom", start, end, stage, compare, null);
    }

    AnalyticsState withStage(String id) {
        return new AnalyticsState(preset, from, to, id, compare, at);
    }

    AnalyticsState withCompare(boolean on) {
        return new AnalyticsState(preset, from, to, stage, on, at);
    }

    AnalyticsState withPoint(Instant start) {
        return new AnalyticsState(preset, from, to, stage, compare, start);
    }

    QueryParameters toQuery() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("range", preset);
        if (from != null) {
            parameters.put("from", from.toString());
            parameters.put("to", to.toString());
        }
        parameters.put("stage", stage);
        if (compare) {
            parameters.put("compare", "1");
        }
        if (at != null) {
            parameters.put("at", at.toString());
        }
        return QueryParameters.simple(parameters);
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }
}
