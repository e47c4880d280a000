package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.AnalyticsRange;
import com.jewellery.ordertracing.analytics.AnalyticsReport;
import com.jewellery.ordertracing.analytics.AnalyticsService;
import com.jewellery.ordertracing.analytics.StageSeries;
import com.jewellery.ordertracing.base.ui.ShowsIndexAge;
import com.jewellery.ordertracing.grafana.GrafanaService;
import com.jewellery.ordertracing.grafana.ui.GrafanaPanels;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Per-stage latency over time for analysts: a range (presets or custom), one stage's charts with the previous
 * period overlaid on request, the exact values per bucket, every stage compared with the previous period, and
 * the orders behind a bucket. The whole state is in the URL ({@link AnalyticsState}), so a view can be shared.
 */
@Route("analytics")
@Menu(order = 40, icon = "vaadin:chart", title = "menu.analytics")
@RolesAllowed(Roles.ANALYTICS)
class AnalyticsView extends VerticalLayout implements ShowsIndexAge, HasDynamicTitle, BeforeEnterObserver {

    private static final String CUSTOM = "custom";

    private final AnalyticsService service;
    private final GrafanaService grafana;
    private final AnalyticsText text;
    private final ZoneId zone = ZoneId.systemDefault();
    private final DateTimeFormatter time;
    private final Select<String> range = new Select<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Select<String> stage = new Select<>();
    private final Checkbox compare = new Checkbox();
    private final Paragraph resolution = new Paragraph();
    private final Div content = new Div();
    private AnalyticsState state = AnalyticsState.DEFAULT;

    AnalyticsView(AnalyticsService service, GrafanaService grafana) {
        this.service = service;
        this.grafana = grafana;
        this.text = new AnalyticsText(this, getLocale());
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(zone);
        setId("analytics");
        content.setWidthFull();
        Paragraph note = new Paragraph(getTranslation("analytics.note"));
        note.setId("analytics-note");
        resolution.setId("analytics-resolution");
        add(new H2(getTranslation("analytics.title")), note, toolbar(), resolution, content);
    }

    private HorizontalLayout toolbar() {
        range.setId("analytics-range");
        range.setLabel(getTranslation("analytics.range"));
        List<String> ranges = new ArrayList<>(Arrays.stream(AnalyticsRange.Preset.values())
                .map(AnalyticsRange.Preset::key)
                .toList());
        ranges.add(CUSTOM);
        range.setItems(ranges);
        range.setItemLabelGenerator(key -> getTranslation("analytics.range." + key));
        range.addValueChangeListener(change -> {
            boolean custom = CUSTOM.equals(change.getValue());
            from.setVisible(custom);
            to.setVisible(custom);
            if (change.isFromClient() && !custom) {
                go(state.withPreset(change.getValue()));
            }
        });
        from.setId("analytics-from");
        from.setLabel(getTranslation("analytics.from"));
        to.setId("analytics-to");
        to.setLabel(getTranslation("analytics.to"));
        Button apply = new Button(getTranslation("analytics.apply"), click -> applyCustom());
        apply.setId("analytics-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stage.setId("analytics-stage");
        stage.setLabel(getTranslation("analytics.stage"));
        stage.setItems(service.stageIds());
        stage.setItemLabelGenerator(text::stage);
        stage.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                go(state.withStage(change.getValue()));
            }
        });
        compare.setId("analytics-compare");
        compare.setLabel(getTranslation("analytics.compare"));
        compare.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                go(state.withCompare(change.getValue()));
            }
        });
        HorizontalLayout bar = new HorizontalLayout(range, from, to, apply, stage, compare);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    /** A custom range is checked here first, so a refused one keeps what was typed and says why. */
    private void applyCustom() {
        if (!CUSTOM.equals(range.getValue())) {
            go(state.withPreset(range.getValue()));
            return;
        }
        Instant start = instant(from.getValue());
        Instant end = instant(to.getValue());
        from.setInvalid(false);
        to.setInvalid(false);
        Optional<AnalyticsRange.Problem> problem = service.check(start, end);
        if (problem.isPresent()) {
            DateTimePicker field = problem.get() == AnalyticsRange.Problem.MISSING && start == null
                            || problem.get() == AnalyticsRange.Problem.IN_FUTURE
                    ? from
                    : to;
            field.setErrorMessage(getTranslation(
                    "analytics.range.error." + problem.get().name(),
                    service.longestRange().toDays()));
            field.setInvalid(true);
            return;
        }
        go(state.withCustom(start, end));
    }

    private void go(AnalyticsState next) {
        getUI().ifPresent(ui -> ui.navigate(AnalyticsView.class, next.toQuery()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = AnalyticsState.from(event.getLocation().getQueryParameters(), service.stageIds());
        Instant now = service.now();
        AnalyticsRange chosen = state.range(now);
        if (service.check(chosen.from(), chosen.to()).isPresent()) {
            // a hand-edited or outdated link: fall back to the default instead of an error page
            state = AnalyticsState.DEFAULT.withStage(state.stage());
            chosen = state.range(now);
        }
        range.setValue(state.preset());
        from.setValue(LocalDateTime.ofInstant(chosen.from(), zone));
        to.setValue(LocalDateTime.ofInstant(chosen.to(), zone));
        stage.setValue(state.stage());
        compare.setValue(state.compare());
        show(chosen);
    }

    private void show(AnalyticsRange chosen) {
        AnalyticsReport report = service.report(chosen);
        StageSeries current = report.current(state.stage()).orElseThrow();
        StageSeries previous = state.compare() ? report.previous(state.stage()).orElseThrow() : null;
        resolution.setText(getTranslation(
                "analytics.resolution",
                time.format(report.resolution().from()),
                time.format(report.resolution().to()),
                getTranslation("analytics.step." + report.resolution().step()),
                getTranslation(
                        "analytics.rollup." + report.resolution().rollup().name())));
        content.removeAll();
        DateTimeFormatter axis = (report.resolution().step().compareTo(Duration.ofDays(1)) >= 0
                        ? DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
                        : chosen.length().compareTo(Duration.ofDays(1)) > 0
                                ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT))
                .withLocale(getLocale())
                .withZone(zone);
        List<String> categories = current.points().stream()
                .map(point -> axis.format(point.start()))
                .toList();
        Charts charts = new Charts(text, zone);
        StageChart durations = new StageChart("analytics-durations");
        StageChart traffic = new StageChart("analytics-traffic");
        charts.showDurations(durations, categories, current, previous);
        charts.showTraffic(traffic, categories, current, previous);
        durations.onPointClick(
                index -> go(state.withPoint(current.points().get(index).start())));
        traffic.onPointClick(
                index -> go(state.withPoint(current.points().get(index).start())));
        BucketGrid buckets = new BucketGrid(text, time, point -> go(state.withPoint(point.start())));
        buckets.show(current);
        ComparisonGrid comparison = new ComparisonGrid(text, state.compare(), id -> go(state.withStage(id)));
        comparison.show(report.comparisons());
        content.add(
                new H3(getTranslation(
                        "analytics.chart.durations",
                        text.stage(state.stage()),
                        service.sla(state.stage()).map(text::duration).orElse(getTranslation("analytics.none")))),
                durations,
                new H3(getTranslation("analytics.chart.traffic")),
                traffic);
        state.point()
                .filter(at -> !at.isBefore(report.resolution().from())
                        && at.isBefore(report.resolution().to()))
                .ifPresent(at -> content.add(new DrillDownPanel(
                        service.drillDown(
                                state.stage(), at, at.plus(report.resolution().step())),
                        text,
                        time)));
        content.add(
                new H3(getTranslation("analytics.buckets")),
                new Paragraph(getTranslation("analytics.buckets.hint")),
                csvLink(chosen),
                buckets,
                new H3(getTranslation(state.compare() ? "analytics.comparison.previous" : "analytics.comparison")),
                comparison);
        content.add(new GrafanaPanels(grafana, chosen.from(), chosen.to(), state.stage(), zone));
        if (current.total().total() == 0) {
            Paragraph empty = new Paragraph(getTranslation("analytics.empty"));
            empty.setId("analytics-empty");
            content.addComponentAtIndex(0, empty);
        }
    }

    private Anchor csvLink(AnalyticsRange chosen) {
        String stageId = state.stage();
        DownloadHandler csv = event -> {
            event.setFileName("stage-" + stageId + "-" + chosen.from().getEpochSecond() + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            service.exportCsv(chosen, stageId, event.getOutputStream());
        };
        Anchor link = new Anchor(csv, getTranslation("analytics.csv"));
        link.setId("analytics-csv");
        return link;
    }

    private Instant instant(LocalDateTime value) {
        return value == null ? null : value.atZone(zone).toInstant();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.analytics");
    }
}
