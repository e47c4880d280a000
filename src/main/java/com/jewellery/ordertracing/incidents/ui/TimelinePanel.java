package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.domain.CommentText;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The timeline, newest first, a page at a time: "older entries" reads the next page, so an incident with
 * thousands of entries shows its first page as fast as one with ten. Every text people typed is set as text
 * (Vaadin escapes it), never as HTML; order ids in it become links to the order's journey.
 */
class TimelinePanel extends Div {

    static final int PAGE = 50;

    private static final Set<String> STATUS_NAMES =
            Arrays.stream(IncidentStatus.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());

    /** Reads entries {@code [offset, offset + limit)}, newest first, and how many there are. */
    interface Pages {
        List<TimelineItem> read(int offset, int limit);

        long count();
    }

    private final Div entries = new Div();
    private final Button older = new Button();
    private Pages pages;
    private int shown;

    TimelinePanel() {
        setId("incident-timeline");
        setWidthFull();
        older.setId("incident-timeline-older");
        older.addClickListener(click -> more());
        add(entries, older);
    }

    /** Shows the newest page again (after a change), read through {@code pages}. */
    void show(Pages pages) {
        this.pages = pages;
        entries.removeAll();
        shown = 0;
        more();
    }

    private void more() {
        List<TimelineItem> read = pages.read(shown, PAGE);
        read.forEach(item -> entries.add(entry(item)));
        shown += read.size();
        long total = pages.count();
        older.setVisible(read.size() == PAGE && shown < total);
        older.setText(getTranslation("incident.timeline.older", total - shown));
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
            case FROM_ALERT -> getTranslation(key, item.to());
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
