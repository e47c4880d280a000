package com.jewellery.ordertracing.lookup.ui;

import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.StageKind;
import com.jewellery.ordertracing.journey.StageState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journey as a timeline chart: our own web component ({@code frontend/components/journey-timeline.js})
 * on echarts. Vaadin Charts is a paid component; this is all we need of a chart here.
 */
@Tag("journey-timeline")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/journey-timeline.js")
class JourneyTimeline extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    JourneyTimeline() {
        setId("journey-timeline");
        getElement().getStyle().set("width", "100%");
    }

    /** Shows the journey; {@code label} translates a stage, {@code detail} describes it for the tooltip. */
    void show(OrderJourney journey, Function<JourneyStage, String> label, Function<JourneyStage, String> detail) {
        Instant origin = journey.firstSeen();
        List<Map<String, Object>> bars = journey.stages().stream()
                .map(stage -> bar(stage, origin, label.apply(stage), detail.apply(stage)))
                .toList();
        // the locale numbers the axis ticks in the reader's language
        getElement()
                .setProperty(
                        "data",
                        JSON.writeValueAsString(
                                Map.of("unit", "ms", "locale", getLocale().toLanguageTag(), "stages", bars)));
    }

    private static Map<String, Object> bar(JourneyStage stage, Instant origin, String label, String detail) {
        boolean reached = stage.isReached() && stage.start() != null;
        double offset = reached ? millis(Duration.between(origin, stage.start())) : 0;
        double duration = reached && stage.duration() != null ? millis(stage.duration()) : 0;
        return Map.of(
                "label",
                label,
                "offset",
                Math.max(offset, 0),
                "duration",
                duration,
                "state",
                state(stage),
                "detail",
                detail);
    }

    private static String state(JourneyStage stage) {
        if (stage.state() == StageState.MISSING) {
            return "MISSING";
        }
        if (stage.state() == StageState.ERROR) {
            return "ERROR";
        }
        return stage.definition().kind() == StageKind.QUEUE_WAIT ? "QUEUE" : "OK";
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
