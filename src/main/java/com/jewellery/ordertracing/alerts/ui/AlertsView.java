package com.jewellery.ordertracing.alerts.ui;

import com.jewellery.ordertracing.alerts.AlertRecord;
import com.jewellery.ordertracing.alerts.AlertRule;
import com.jewellery.ordertracing.alerts.AlertRuleInput;
import com.jewellery.ordertracing.alerts.AlertService;
import com.jewellery.ordertracing.alerts.OutboxNotification;
import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Alert history, the notification outbox (what was delivered, what waits for a retry and why) and the
 * alert rules, which administrators edit here.
 */
@Route("alerts")
@Menu(order = 30, icon = "vaadin:bell", title = "menu.alerts")
@RolesAllowed(Roles.ORDER_WORK)
class AlertsView extends VerticalLayout implements HasDynamicTitle {

    private static final int OUTBOX_SHOWN = 100;

    private final AlertService service;
    private final DateTimeFormatter format;
    private final Grid<AlertRecord> alerts = new Grid<>();
    private final Grid<OutboxNotification> outbox = new Grid<>();
    private final Grid<AlertRule> rules = new Grid<>();
    private final AlertRuleForm form;

    AlertsView(AlertService service, AuthenticationContext authentication) {
        this.service = service;
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        setId("alerts");
        configureAlerts(authentication.hasRole(Roles.INCIDENT_WORK));
        configureOutbox();
        configureRules();
        form = new AlertRuleForm(service.stages(), this::saveRule, this::deleteRule, this::closeForm);
        form.setVisible(false);
        add(
                new H2(getTranslation("alerts.title")),
                alerts,
                new H3(getTranslation("alerts.outbox")),
                outbox,
                new H3(getTranslation("alerts.rules")),
                rules);
        if (authentication.hasRole(Roles.ADMINISTRATION)) {
            Button newRule = new Button(getTranslation("alerts.rule.new"), click -> openForm(null));
            newRule.setId("alert-rule-new");
            rules.addItemClickListener(click -> openForm(click.getItem()));
            add(newRule, form);
        }
        refresh();
    }

    private void configureAlerts(boolean mayOpenIncidents) {
        alerts.setId("alert-history");
        alerts.setHeight("22em");
        alerts.addThemeVariants(GridVariant.LUMO_COMPACT);
        alerts.addColumn(alert -> time(alert.openedAt()))
                .setHeader(getTranslation("alerts.opened"))
                .setAutoWidth(true);
        alerts.addColumn(alert -> alert.open() ? getTranslation("alerts.open") : time(alert.resolvedAt()))
                .setHeader(getTranslation("alerts.resolved"))
                .setAutoWidth(true);
        alerts.addColumn(AlertRecord::ruleName)
                .setHeader(getTranslation("alerts.rule"))
                .setAutoWidth(true);
        alerts.addColumn(this::summary)
                .setHeader(getTranslation("alerts.summary"))
                .setFlexGrow(1);
        if (mayOpenIncidents) {
            // to the incidents feature by path only: it reads the alert and fills the new incident from it
            alerts.addComponentColumn(alert -> {
                        Anchor open = new Anchor(
                                "incidents/new?alert=" + alert.id(), getTranslation("incident.fromAlert.open"));
                        open.addClassName("alert-open-incident");
                        return open;
                    })
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        alerts.setItems(query -> service.history(query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, service.historyCount()));
    }

    /** In the user's language; alerts opened before texts were kept as keys show their English summary. */
    private String summary(AlertRecord alert) {
        return AlertSummaries.of(this, alert.text(), alert.summary());
    }

    private void configureOutbox() {
        outbox.setId("alert-outbox");
        outbox.setHeight("16em");
        outbox.addThemeVariants(GridVariant.LUMO_COMPACT);
        outbox.addColumn(n -> time(n.createdAt()))
                .setHeader(getTranslation("alerts.created"))
                .setAutoWidth(true);
        outbox.addColumn(n -> n.channel() + " / " + n.event())
                .setHeader(getTranslation("alerts.channel"))
                .setAutoWidth(true);
        outbox.addColumn(n -> getTranslation("alerts.status." + n.status().name()))
                .setHeader(getTranslation("alerts.status"))
                .setAutoWidth(true);
        outbox.addColumn(OutboxNotification::attempts)
                .setHeader(getTranslation("alerts.attempts"))
                .setAutoWidth(true);
        outbox.addColumn(n -> n.deliveredAt() != null ? time(n.deliveredAt()) : time(n.nextAttemptAt()))
                .setHeader(getTranslation("alerts.deliveredOrNext"))
                .setAutoWidth(true);
        outbox.addColumn(OutboxNotification::lastError)
                .setHeader(getTranslation("alerts.lastError"))
                .setFlexGrow(1);
    }

    private void configureRules() {
        rules.setId("alert-rules");
        rules.setAllRowsVisible(true);
        rules.addColumn(AlertRule::name)
                .setHeader(getTranslation("alerts.rule.name"))
                .setAutoWidth(true);
        rules.addColumn(rule -> getTranslation("alerts.kind." + rule.kind().name()))
                .setHeader(getTranslation("alerts.rule.kind"))
                .setAutoWidth(true);
        rules.addColumn(rule -> rule.stage() == null
                        ? getTranslation("alerts.rule.anyStage")
                        : StageNames.name(this::getTranslation, rule.stage()))
                .setHeader(getTranslation("alerts.rule.stage"))
                .setAutoWidth(true);
        rules.addColumn(rule -> rule.threshold().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("alerts.rule.threshold"))
                .setAutoWidth(true);
        rules.addColumn(AlertRule::windowMinutes)
                .setHeader(getTranslation("alerts.rule.window"))
                .setAutoWidth(true);
        rules.addColumn(rule -> getTranslation(rule.enabled() ? "alerts.rule.on" : "alerts.rule.off"))
                .setHeader(getTranslation("alerts.rule.enabled"))
                .setAutoWidth(true);
        rules.addColumn(rule -> rule.updatedBy() + ", " + time(rule.updatedAt()))
                .setHeader(getTranslation("alerts.rule.updated"))
                .setFlexGrow(1);
    }

    private void openForm(AlertRule rule) {
        form.edit(rule);
        form.setVisible(true);
    }

    private void closeForm() {
        form.setVisible(false);
        rules.deselectAll();
    }

    private void saveRule(Long id, AlertRuleInput input) {
        service.saveRule(id, input);
        closeForm();
        refresh();
        Notification.show(getTranslation("alerts.rule.saved"), 3000, Notification.Position.BOTTOM_START);
    }

    private void deleteRule() {
        if (form.editedId() != null) {
            service.deleteRule(form.editedId());
        }
        closeForm();
        refresh();
    }

    private void refresh() {
        alerts.getDataProvider().refreshAll();
        outbox.setItems(service.notifications(0, OUTBOX_SHOWN));
        rules.setItems(service.rules());
    }

    private String time(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.alerts");
    }
}
