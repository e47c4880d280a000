package com.jewellery.ordertracing.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A time series chart: our own web component ({@code frontend/components/stage-chart.js}) on echarts,
 * beside the journey timeline (both on {@code echarts-element.js}). Every label, unit and value text arrives
 * translated and formatted; the ticks are numbered in the reader's locale. Public: the weekly review draws its
 * charts with it too.
 */
@Tag("stage-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/stage-chart.js")
public class StageChart extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One value of a series: the number drawn and the text its tooltip shows. */
    public record Value(double value, String text) {}

    /** @param data one entry per category; null where the bucket has no value */
    public record Series(String name, String type, int yAxisIndex, boolean dashed, String color, List<Value> data) {}

    /** @param unit written after every tick's number ("ms", "%"); empty for none */
    public record Axis(String name, String unit, Double min, Double max) {}

    public StageChart(String id) {
        setId(id);
        getElement().getStyle().set("width", "100%");
    }

    /**
     * @param locale    the reader's, for the numbers of the ticks echarts chooses
     * @param timeAxis  the name of the time axis
     */
    public void show(Locale locale, String timeAxis, List<String> categories, List<Axis> axes, List<Series> series) {
        getElement()
                .setProperty(
                        "data",
                        JSON.writeValueAsString(Map.of(
                                "locale",
                                locale.toLanguageTag(),
                                "xAxisName",
                                timeAxis,
                                "categories",
                                categories,
                                "yAxes",
                                axes,
                                "series",
                                series)));
    }

    /** Called with the index of the bucket clicked. */
    void onPointClick(IntConsumer listener) {
        getElement()
                .addEventListener(
                        "point-click",
                        event -> listener.accept(
                                event.getEventData().get("event.detail.index").asInt()))
                .addEventData("event.detail.index");
    }
}
