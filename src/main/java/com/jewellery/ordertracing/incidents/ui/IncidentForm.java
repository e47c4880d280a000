package com.jewellery.ordertracing.incidents.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.incidents.api.IncidentDetails;
import com.jewellery.ordertracing.incidents.domain.IncidentChecks;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The typed fields of an incident, for creating and editing. Keeps what was typed when the service refuses it. */
class IncidentForm extends FormLayout {

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final Select<Severity> severity = new Select<>();
    final ComboBox<String> assignee = new ComboBox<>();
    final MultiSelectComboBox<String> stages = new MultiSelectComboBox<>();
    final TextField tags = new TextField();

    IncidentForm(List<String> assignees, List<String> stageIds) {
        setId("incident-form");
        title.setId("incident-title");
        title.setLabel(getTranslation("incident.field.title"));
        title.setMaxLength(IncidentLimits.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        description.setId("incident-description");
        description.setLabel(getTranslation("incident.field.description"));
        bounded(description);
        severity.setId("incident-severity");
        severity.setLabel(getTranslation("incident.field.severity"));
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(value -> getTranslation("incident.severity." + value.name()));
        severity.setValue(Severity.MEDIUM);
        assignee.setId("incident-assignee");
        assignee.setLabel(getTranslation("incident.field.assignee"));
        assignee.setItems(assignees);
        assignee.setClearButtonVisible(true);
        stages.setId("incident-stages");
        stages.setLabel(getTranslation("incident.field.stages"));
        stages.setItems(stageIds);
        stages.setItemLabelGenerator(stage -> StageNames.name(this::getTranslation, stage));
        tags.setId("incident-tags");
        tags.setLabel(getTranslation("incident.field.tags"));
        tags.setHelperText(getTranslation("incident.field.tagsHelp"));
        add(title, severity, assignee, stages, tags, description);
        setColspan(title, 2);
        setColspan(description, 2);
    }

    /** A text area with the limit shown and counted as one types. */
    static void bounded(TextArea area) {
        area.setMaxLength(IncidentLimits.TEXT_MAX);
        area.setWidthFull();
        area.setValueChangeMode(ValueChangeMode.EAGER);
        area.setHelperText(area.getTranslation("incident.field.limit", 0, IncidentLimits.TEXT_MAX));
        area.addValueChangeListener(change -> area.setHelperText(
                area.getTranslation("incident.field.limit", change.getValue().length(), IncidentLimits.TEXT_MAX)));
    }

    void show(IncidentDetails incident) {
        title.setValue(incident.title());
        description.setValue(incident.description() == null ? "" : incident.description());
        severity.setValue(incident.severity());
        assignee.setValue(incident.assignee());
        stages.setValue(incident.stages());
        tags.setValue(String.join(", ", incident.tags()));
    }

    IncidentDraft draft() {
        return new IncidentDraft(
                title.getValue(),
                description.getValue(),
                severity.getValue(),
                assignee.getValue(),
                Set.copyOf(stages.getValue()),
                IncidentChecks.tags(tags.getValue()));
    }

    void setReadOnly(boolean readOnly) {
        title.setReadOnly(readOnly);
        description.setReadOnly(readOnly);
        severity.setReadOnly(readOnly);
        assignee.setReadOnly(readOnly);
        stages.setReadOnly(readOnly);
        tags.setReadOnly(readOnly);
    }

    void clearProblems() {
        fields().values().forEach(field -> field.setInvalid(false));
    }

    /** @return the problems that belong to none of these fields */
    List<Problem> showProblems(List<Problem> problems) {
        clearProblems();
        Map<String, HasValidation> fields = fields();
        problems.stream().filter(problem -> fields.containsKey(problem.field())).forEach(problem -> {
            HasValidation field = fields.get(problem.field());
            field.setErrorMessage(Texts.problem(this, problem));
            field.setInvalid(true);
        });
        return problems.stream()
                .filter(problem -> !fields.containsKey(problem.field()))
                .toList();
    }

    private Map<String, HasValidation> fields() {
        return Map.of(
                "title",
                title,
                "description",
                description,
                "severity",
                severity,
                "assignee",
                assignee,
                "stages",
                stages,
                "tags",
                tags);
    }
}
