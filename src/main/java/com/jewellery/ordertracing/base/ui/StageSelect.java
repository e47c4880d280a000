package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.vaadin.flow.component.select.Select;
import java.util.List;

/** A choice among the catalog's stages by their translated names; no choice means any stage. */
public class StageSelect extends Select<String> {

    /**
     * @param id       the element id, for tests and styling
     * @param labelKey translation key of the field label
     * @param anyKey   translation key of the empty choice, e.g. "Any stage"
     * @param stageIds the catalog's stage ids, in flow order
     */
    public StageSelect(String id, String labelKey, String anyKey, List<String> stageIds) {
        setId(id);
        setLabel(getTranslation(labelKey));
        setItems(stageIds);
        setEmptySelectionAllowed(true);
        setEmptySelectionCaption(getTranslation(anyKey));
        setItemLabelGenerator(
                stageId -> stageId == null ? getTranslation(anyKey) : StageNames.name(this::getTranslation, stageId));
    }
}
