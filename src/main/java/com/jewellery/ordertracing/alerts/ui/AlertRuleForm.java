package com.jewellery.ordertracing.alerts.ui;

import com.jewellery.ordertracing.alerts.AlertRule;
import com.jewellery.ordertracing.alerts.AlertRuleInput;
import com.jewellery.ordertracing.alerts.AlertRuleKind;
import com.jewellery.ordertracing.alerts.InvalidAlertRuleException;
import com.jewellery.ordertracing.base.ui.StageSelect;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;

/**
 * Creates or edits one alert rule. On a refused save every problem shows at its field and everything
 * typed stays in the form; the service writes nothing until the whole rule is valid.
 */
class AlertRuleForm extends VerticalLayout {

    /** Saves the rule ({@code id} null: a new one); throws {@link InvalidAlertRuleException} when refused. */
    interface Saver {
        void save(Long id, AlertRuleInput input);
    }

    private final TextField name = new TextField();
    private final Select<AlertRuleKind> kind = new Select<>();
    private final StageSelect stage;
    private final BigDecimalField threshold = new BigDecimalField();
    private final IntegerField windowMinutes = new IntegerField();
    private final Checkbox enabled = new Checkbox();
    private final H3 title = new H3();
    private final Button delete = new Button();
    private final Map<String, HasValidation> fields;
    private Long id;

    AlertRuleForm(List<String> stages, Saver saver, Runnable onDelete, Runnable onClose) {
        setId("alert-rule-form");
        setPadding(false);
        stage = new StageSelect("alert-rule-stage", "alerts.rule.stage", "alerts.rule.anyStage", stages);
        fields = Map.of(
                "name", name, "kind", kind, "stage", stage, "threshold", threshold, "windowMinutes", windowMinutes);
        configureFields();
        FormLayout form = new FormLayout(name, kind, stage, threshold, windowMinutes, enabled);
        Button save = new Button(getTranslation("alerts.rule.save"), click -> save(saver));
        save.setId("alert-rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        delete.setText(getTranslation("alerts.rule.delete"));
        delete.setId("alert-rule-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(click -> onDelete.run());
        Button cancel = new Button(getTranslation("alerts.rule.cancel"), click -> onClose.run());
        add(title, form, new HorizontalLayout(save, cancel, delete));
    }

    private void configureFields() {
        name.setId("alert-rule-name");
        name.setLabel(getTranslation("alerts.rule.name"));
        name.setMaxLength(100);
        kind.setId("alert-rule-kind");
        kind.setLabel(getTranslation("alerts.rule.kind"));
        kind.setItems(AlertRuleKind.values());
        kind.setItemLabelGenerator(value -> getTranslation("alerts.kind." + value.name()));
        kind.addValueChangeListener(change -> describeThreshold());
        threshold.setId("alert-rule-threshold");
        threshold.setLabel(getTranslation("alerts.rule.threshold"));
        windowMinutes.setId("alert-rule-window");
        windowMinutes.setLabel(getTranslation("alerts.rule.window"));
        enabled.setId("alert-rule-enabled");
        enabled.setLabel(getTranslation("alerts.rule.enabled"));
    }

    void edit(AlertRule rule) {
        id = rule == null ? null : rule.id();
        title.setText(getTranslation(rule == null ? "alerts.rule.new" : "alerts.rule.edit"));
        delete.setVisible(rule != null);
        name.setValue(rule == null ? "" : rule.name());
        kind.setValue(rule == null ? AlertRuleKind.CRITICAL_ERROR : rule.kind());
        stage.setValue(rule == null ? null : rule.stage());
        threshold.setValue(rule == null ? null : rule.threshold());
        windowMinutes.setValue(rule == null ? 60 : rule.windowMinutes());
        enabled.setValue(rule == null || rule.enabled());
        clearErrors();
    }

    Long editedId() {
        return id;
    }

    private void save(Saver saver) {
        clearErrors();
        try {
            saver.save(
                    id,
                    new AlertRuleInput(
                            name.getValue(),
                            kind.getValue(),
                            stage.getValue(),
                            threshold.getValue(),
                            windowMinutes.getValue(),
                            enabled.getValue()));
        } catch (InvalidAlertRuleException refused) {
            refused.problems().forEach((field, key) -> {
                HasValidation component = fields.get(field);
                component.setErrorMessage(getTranslation(key));
                component.setInvalid(true);
            });
        }
    }

    private void clearErrors() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    private void describeThreshold() {
        threshold.setHelperText(
                kind.getValue() == null
                        ? null
                        : getTranslation(
                                "alerts.rule.thresholdHelp." + kind.getValue().name()));
    }
}
