package com.jewellery.ordertracing.lost.ui;

import com.vaadin.flow.component.Component;

/** A stage's label in the user's language, falling back to its id for stages without a translation. */
final class StageLabels {

    private static final String PREFIX = "journey.stage.";

    private StageLabels() {
    }

    static String label(Component component, String stageId) {
        if (stageId == null) {
            return component.getTranslation("lost.stage.none");
        }
        String label = component.getTranslation(PREFIX + stageId);
        return label.contains(PREFIX) ? stageId : label;
    }
}
