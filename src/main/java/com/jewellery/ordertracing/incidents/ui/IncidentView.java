package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.api.IncidentConflictException;
import com.jewellery.ordertracing.incidents.api.IncidentDetails;
import com.jewellery.ordertracing.incidents.api.IncidentNotFoundException;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.domain.IllegalTransitionException;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One incident: its fields, status actions, orders and timeline. Every change carries the version this page
 * read; when someone else saved in between, nothing is saved, the page says who and when, and what this user
 * typed stays in the fields until they reload.
 */
@Route("incidents/:key")
@RolesAllowed(Roles.INCIDENT_READ)
class IncidentView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Set<IncidentStatus> NOTE_TARGETS =
            EnumSet.of(IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED, IncidentStatus.RESOLVED);

    private final IncidentService service;
    private final boolean mayWork;
    private final boolean mayNote;
    private IncidentDetails current;
    private IncidentForm form;
    private OrdersPanel orders;
    private final TimelinePanel timeline = new TimelinePanel();
    private final Div conflict = new Div();
    private final Span heading = new Span();
    private final Paragraph facts = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final UnorderedList fingerprints = new UnorderedList();
    private final TextArea rootCause = new TextArea();
    private final TextField note = new TextField();
    private final TextArea comment = new TextArea();

    IncidentView(IncidentService service, AuthenticationContext authentication) {
        this.service = service;
        this.mayWork = authentication.hasRole(Roles.INCIDENT_WORK);
        this.mayNote = authentication.hasRole(Roles.INCIDENT_NOTE);
        setId("incident");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        try {
            current = service.details(key);
        } catch (IncidentNotFoundException missing) {
            removeAll();
            Paragraph text = new Paragraph(getTranslation("incident.notFound", key));
            text.setId("incident-not-found");
            add(text, new Anchor("incidents", getTranslation("incident.list.title")));
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        form = new IncidentForm(service.assignees(), service.stages());
        form.show(current);
        form.setReadOnly(!mayWork);
        orders = new OrdersPanel(service, current.key(), mayWork, this::afterOrdersChanged);
        heading.setId("incident-heading");
        facts.setId("incident-facts");
        conflict.setId("incident-conflict");
        conflict.setVisible(false);
        conflict.addClassName("incident-conflict");
        conflict.getStyle()
                .set("background", "var(--lumo-error-color-10pct)")
                .set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        add(new H2(heading), facts, conflict, form);
        if (mayWork) {
            Button save = new Button(
                    getTranslation("incident.save"),
                    click -> change(() -> service.update(current.key(), current.version(), form.draft()), true));
            save.setId("incident-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        }
        add(rootCauseSection(), statusSection(), fingerprintSection(), orders, timelineSection());
        showFacts();
        showTimeline();
    }

    private VerticalLayout rootCauseSection() {
        rootCause.setId("incident-root-cause");
        rootCause.setLabel(getTranslation("incident.field.rootCause"));
        IncidentForm.bounded(rootCause);
        rootCause.setValue(current.rootCause() == null ? "" : current.rootCause());
        rootCause.setReadOnly(!mayNote);
        VerticalLayout section = new VerticalLayout(rootCause);
        section.setPadding(false);
        if (mayNote) {
            Button save = new Button(
                    getTranslation("incident.rootCause.save"),
                    click -> change(
                            () -> service.setRootCause(current.key(), current.version(), rootCause.getValue()), false));
            save.setId("incident-root-cause-save");
            section.add(save);
        }
        return section;
    }

    private VerticalLayout statusSection() {
        note.setId("incident-status-note");
        note.setLabel(getTranslation("incident.status.note"));
        note.setWidth("32em");
        actions.setId("incident-actions");
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("incident.status.title")));
        section.setPadding(false);
        if (mayNote) {
            section.add(note, actions);
        }
        if (mayWork) {
            TextField target = new TextField(getTranslation("incident.merge.target"));
            target.setId("incident-merge-target");
            target.setPlaceholder("INC-…");
            Button merge = new Button(getTranslation("incident.merge"), click -> {
                target.setInvalid(false);
                try {
                    change(() -> service.merge(current.key(), current.version(), target.getValue()), false);
                } catch (InvalidIncidentException invalid) {
                    target.setErrorMessage(
                            Texts.problem(this, invalid.problems().getFirst()));
                    target.setInvalid(true);
                }
            });
            merge.setId("incident-merge");
            HorizontalLayout bar = new HorizontalLayout(target, merge);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
            section.add(bar);
        }
        return section;
    }

    private void showActions() {
        actions.removeAll();
        for (IncidentStatus next : current.allowedNext()) {
            boolean allowed = NOTE_TARGETS.contains(next)
                    ? mayNote
                    : (next == IncidentStatus.CLOSED || next == IncidentStatus.CANCELED) && mayWork;
            if (!allowed) {
                continue;
            }
            Button button = new Button(
                    getTranslation("incident.action." + next.name()),
                    click -> change(
                            () -> switch (next) {
                                case CLOSED -> service.close(current.key(), current.version(), note.getValue());
                                case CANCELED -> service.cancel(current.key(), current.version(), note.getValue());
                                default ->
                                    service.changeStatus(current.key(), current.version(), next, note.getValue());
                            },
                            false));
            button.setId("incident-to-" + next.name().toLowerCase());
            actions.add(button);
        }
        if (current.canReopen() && mayWork) {
            Button reopen = new Button(
                    getTranslation("incident.action.reopen"),
                    click -> change(() -> service.reopen(current.key(), current.version(), note.getValue()), false));
            reopen.setId("incident-reopen");
            actions.add(reopen);
        }
    }

    private VerticalLayout fingerprintSection() {
        fingerprints.setId("incident-fingerprints");
        VerticalLayout section =
                new VerticalLayout(new H3(getTranslation("incident.fingerprints.title")), fingerprints);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout timelineSection() {
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("incident.timeline.title")));
        section.setPadding(false);
        if (mayNote) {
            comment.setId("incident-comment");
            comment.setLabel(getTranslation("incident.comment"));
            IncidentForm.bounded(comment);
            Button send = new Button(getTranslation("incident.comment.send"), click -> addComment());
            send.setId("incident-comment-send");
            section.add(comment, send);
        }
        section.add(timeline);
        return section;
    }

    private void addComment() {
        comment.setInvalid(false);
        try {
            service.comment(current.key(), comment.getValue());
            comment.clear();
            showTimeline();
        } catch (InvalidIncidentException invalid) {
            comment.setErrorMessage(Texts.problem(this, invalid.problems().getFirst()));
            comment.setInvalid(true);
        }
    }

    /**
     * Runs a change. On success the page shows the new state (the form too when {@code formSaved}); a
     * conflict or a refusal leaves every field as typed.
     */
    private void change(Supplier<IncidentDetails> action, boolean formSaved) {
        form.clearProblems();
        try {
            current = action.get();
            conflict.setVisible(false);
            if (formSaved) {
                form.show(current);
            }
            note.clear();
            showFacts();
            showTimeline();
            orders.refresh();
            Texts.done(getTranslation("incident.saved", current.key()));
        } catch (IncidentConflictException changed) {
            showConflict(changed);
        } catch (IllegalTransitionException refused) {
            Texts.error(Texts.refused(this, refused));
        } catch (InvalidIncidentException invalid) {
            for (Problem problem : form.showProblems(invalid.problems())) {
                if ("merge".equals(problem.field())) {
                    throw invalid;
                }
                Texts.error(Texts.problem(this, problem));
            }
        }
    }

    private void showConflict(IncidentConflictException changed) {
        conflict.removeAll();
        Span text = new Span(Texts.conflict(this, changed));
        text.setId("incident-conflict-text");
        Button reload = new Button(getTranslation("incident.conflict.reload"), click -> {
            current = service.details(current.key());
            build();
        });
        reload.setId("incident-reload");
        conflict.add(text, reload);
        conflict.setVisible(true);
    }

    private void afterOrdersChanged() {
        orders.refresh();
        current = service.details(current.key());
        showFacts();
        showTimeline();
    }

    private void showFacts() {
        heading.setText(current.key() + " · " + current.title());
        StringBuilder text = new StringBuilder(getTranslation(
                "incident.facts",
                Texts.status(this, current.status()),
                getTranslation("incident.severity." + current.severity().name()),
                current.createdBy(),
                Texts.time(this, current.times().createdAt()),
                current.updatedBy(),
                Texts.time(this, current.updatedAt())));
        if (current.failuresAfterResolution() > 0) {
            text.append(" ").append(getTranslation("incident.flag.afterResolution", current.failuresAfterResolution()));
        }
        if (current.mergedIntoKey() != null) {
            text.append(" ").append(getTranslation("incident.mergedInto", current.mergedIntoKey()));
        }
        if (current.resolutionNote() != null) {
            text.append(" ").append(getTranslation("incident.resolutionNote", current.resolutionNote()));
        }
        facts.setText(text.toString());
        fingerprints.removeAll();
        if (current.fingerprints().isEmpty()) {
            fingerprints.add(new ListItem(getTranslation("incident.fingerprints.none")));
        }
        current.fingerprints().forEach(summary -> fingerprints.add(new ListItem(summary)));
        showActions();
    }

    private void showTimeline() {
        String key = current.key();
        timeline.show(new TimelinePanel.Pages() {
            @Override
            public List<TimelineItem> read(int offset, int limit) {
                return service.timeline(key, offset, limit);
            }

            @Override
            public long count() {
                return service.timelineCount(key);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return current == null ? getTranslation("incident.menu") : current.key() + " · " + current.title();
    }
}
