package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.domain.CommentText;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The timeline, newest first. Every text people typed is set as text (Vaadin escapes it), never as HTML;
 * order ids in it become links to the order's journey.
 */
class TimelinePanel extends Div {

    private static final Set<String> STATUS_NAMES =
            Arrays.stream(IncidentStatus.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());

    TimelinePanel() {
        setId("incident-timeline");
        setWidthFull();
    }

    void show(List<TimelineItem> items) {
        removeAll();
        items.forEach(item -> add(entry(item)));
    }

    private Div entry(TimelineItem item) {
        Div entry = new Div();
        entry.addClassName("incident-timeline-entry");
        entry.getStyle()
                .set("padding", "var(--lumo-space-xs) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        entry.getElement().setAttribute("data-kind", item.kind().name());
        Span when = new Span(Texts.time(this, item.at()) + " · " + item.actor() + " · ");
        when.addClassName("incident-timeline-when");
        when.getStyle().set("color", "var(--lumo-secondary-text-color)");
        entry.add(when, new Span(headline(item)));
        if (item.sampleIds() != null && !item.sampleIds().isEmpty()) {
            Div samples = new Div();
            samples.addClassName("incident-timeline-samples");
            item.sampleIds().forEach(id -> samples.add(orderLink(id), new Span(" ")));
            if (item.orderCount() != null
                    && item.orderCount() > item.sampleIds().size()) {
                samples.add(new Span(getTranslation(
                        "incident.timeline.andMore",
                        item.orderCount() - item.sampleIds().size())));
            }
            entry.add(samples);
        }
        if (item.body() != null && !item.body().isBlank()) {
            Div body = new Div();
            body.addClassName("incident-timeline-body");
            // kept as typed, line breaks included, and still only text
            body.getStyle().set("white-space", "pre-wrap");
            CommentText.parts(item.body())
                    .forEach(part -> body.add(part.isOrder() ? orderLink(part.orderId()) : new Span(part.text())));
            entry.add(body);
        }
        return entry;
    }

    private String headline(TimelineItem item) {
        String key = "incident.timeline." + item.kind().name();
        return switch (item.kind()) {
            case STATUS, REOPENED, SEVERITY ->
                getTranslation(
                        key,
                        value(item.kind().name(), item.from()),
                        value(item.kind().name(), item.to()));
            case ASSIGNEE ->
                item.to() == null ? getTranslation("incident.timeline.UNASSIGNED") : getTranslation(key, item.to());
            case EDITED ->
                getTranslation(
                        key,
                        Arrays.stream(item.to().split(","))
                                .map(field -> getTranslation("incident.field." + field))
                                .reduce((a, b) -> a + ", " + b)
                                .orElse(""));
            case ORDERS_ATTACHED, ORDERS_DETACHED, FAILURES_AFTER_RESOLUTION ->
                getTranslation(key, item.orderCount() == null ? 0 : item.orderCount());
            case MERGED_INTO -> getTranslation(key, item.to());
            case MERGED_FROM -> getTranslation(key, item.from(), item.orderCount() == null ? 0 : item.orderCount());
            case CREATED, COMMENT, ROOT_CAUSE, FINGERPRINT_ADDED -> getTranslation(key);
        };
    }

    private String value(String kind, String value) {
        if (value == null) {
            return "";
        }
        if (STATUS_NAMES.contains(value) && !"SEVERITY".equals(kind)) {
            return getTranslation("incident.status." + value);
        }
        return "SEVERITY".equals(kind) ? getTranslation("incident.severity." + value) : value;
    }

    static Component orderLink(String orderId) {
        Anchor link = new Anchor("orders/" + orderId, orderId);
        link.addClassName("incident-order-link");
        return link;
    }
}
