package com.jewellery.ordertracing.lookup.ui;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.lookup.LookupResult;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One order's journey: summary, timeline, stages, errors and links into Jaeger. */
class JourneyPanel extends VerticalLayout {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    JourneyPanel(LookupResult.Found found) {
        setId("order-result");
        setPadding(false);
        OrderJourney journey = found.journey();
        JourneyTimeline timeline = new JourneyTimeline();
        timeline.show(journey, this::stageName, this::stageTooltip);
        add(header(journey), traceLinks(found), timeline, stageGrid(journey, found.technicalDetail()));
        if (!journey.errors().isEmpty()) {
            add(errors(journey, found.technicalDetail()));
        }
    }

    private Component header(OrderJourney journey) {
        Span outcome =
                new Span(getTranslation("journey.outcome." + journey.outcome().name()));
        outcome.setId("order-outcome");
        outcome.addClassNames("status-badge", journey.outcome().name().toLowerCase(java.util.Locale.ROOT));
        Span status = new Span(getTranslation("lookup.currentStatus", statusName(journey.currentStatus())));
        status.setId("order-status");
        Span where = new Span(journey.lastReachedStage()
                .map(stage -> getTranslation("lookup.lastStage", stageName(stage)))
                .orElse(""));
        where.setId("order-last-stage");
        Paragraph times = new Paragraph(getTranslation(
                "lookup.times",
                format(journey.firstSeen()),
                format(journey.lastSeen()),
                duration(journey.totalDuration())));
        HorizontalLayout line = new HorizontalLayout(outcome, status, where);
        line.setAlignItems(Alignment.BASELINE);
        return new Div(new H3(getTranslation("lookup.order", journey.orderId())), line, times);
    }

    private Component traceLinks(LookupResult.Found found) {
        HorizontalLayout links = new HorizontalLayout();
        links.setId("trace-links");
        found.traces()
                .forEach(trace -> links.add(new Anchor(
                        trace.jaegerUrl().toString(),
                        getTranslation(
                                "lookup.openInJaeger",
                                trace.traceId()
                                        .substring(
                                                0, Math.min(8, trace.traceId().length()))),
                        AnchorTarget.BLANK)));
        return links;
    }

    private Grid<JourneyStage> stageGrid(OrderJourney journey, boolean technicalDetail) {
        Grid<JourneyStage> grid = new Grid<>();
        grid.setId("stage-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(this::stageName)
                .setHeader(getTranslation("lookup.stage"))
                .setAutoWidth(true);
        grid.addColumn(JourneyStage::service)
                .setHeader(getTranslation("lookup.service"))
                .setAutoWidth(true);
        grid.addColumn(stage -> getTranslation("journey.state." + stage.state().name()))
                .setHeader(getTranslation("lookup.state"))
                .setAutoWidth(true);
        grid.addColumn(stage -> stage.start() == null ? "" : format(stage.start()))
                .setHeader(getTranslation("lookup.start"))
                .setAutoWidth(true);
        grid.addColumn(stage -> stage.duration() == null ? "" : duration(stage.duration()))
                .setHeader(getTranslation("lookup.duration"))
                .setAutoWidth(true);
        grid.addColumn(stage -> statusName(stage.orderStatus()))
                .setHeader(getTranslation("lookup.orderStatus"))
                .setAutoWidth(true);
        grid.addColumn(stage -> stage.slaExceeded()
                        ? getTranslation(
                                "lookup.slaExceeded",
                                duration(stage.definition().sla()))
                        : "")
                .setHeader(getTranslation("lookup.sla"))
                .setAutoWidth(true);
        if (technicalDetail) {
            grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::attributes));
        }
        grid.setItems(journey.stages());
        return grid;
    }

    private Component attributes(JourneyStage stage) {
        Map<String, String> sorted = new TreeMap<>(stage.attributes());
        Pre pre = new Pre(sorted.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n")));
        pre.addClassName("span-attributes");
        return pre;
    }

    private Component errors(OrderJourney journey, boolean technicalDetail) {
        Div box = new Div(new H4(getTranslation("lookup.errors")));
        box.setId("order-errors");
        for (JourneyError error : journey.errors()) {
            String stage = journey.stage(error.stageId()).map(this::stageName).orElse(error.stageId());
            Paragraph line = new Paragraph(getTranslation(
                    "lookup.errorAt",
                    stage,
                    error.service(),
                    error.spanName(),
                    error.time() == null ? "" : format(error.time())));
            Paragraph message = new Paragraph(error.message() == null ? "" : error.message());
            message.addClassName("error-message");
            box.add(line, message);
            if (error.kind() == JourneyError.Kind.DEAD_LETTER) {
                Paragraph deadLetter = new Paragraph(getTranslation("lookup.deadLetter"));
                deadLetter.addClassName("dead-letter");
                box.add(deadLetter);
            }
            if (technicalDetail && error.stacktrace() != null) {
                Pre trace = new Pre(error.stacktrace());
                trace.addClassName("stacktrace");
                Details details =
                        new Details(getTranslation("lookup.stacktrace", String.valueOf(error.exceptionType())), trace);
                details.setOpened(true);
                box.add(details);
            }
        }
        return box;
    }

    private String stageName(JourneyStage stage) {
        return getTranslation(stage.definition().displayKey());
    }

    private String stageTooltip(JourneyStage stage) {
        return stageName(stage) + " — "
                + getTranslation("journey.state." + stage.state().name())
                + (stage.duration() == null ? "" : " — " + duration(stage.duration()));
    }

    private String statusName(String status) {
        return status == null ? "—" : getTranslation("order.status." + status);
    }

    private static String format(Instant instant) {
        return TIME.format(instant);
    }

    /** Whole seconds as seconds (an SLA of 30 s), anything else in milliseconds. */
    private String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis >= 1000 && millis % 1000 == 0
                ? getTranslation("unit.seconds", millis / 1000)
                : getTranslation("unit.millis", millis);
    }
}
