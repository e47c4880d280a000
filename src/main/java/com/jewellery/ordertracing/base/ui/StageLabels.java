package com.jewellery.ordertracing.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A stage's name in the user's language. Stages added in configuration without a translation show
 * their id rather than a missing-key marker.
 */
public final class StageLabels {

    private static final String PREFIX = "journey.stage.";

    private StageLabels() {
    }

    /** The translated name; "(no stage)" for null. */
    public static String label(Component component, String stageId) {
        if (stageId == null) {
            return component.getTranslation(PREFIX + "none");
        }
        String label = component.getTranslation(PREFIX + stageId);
        return label.contains(PREFIX) ? stageId : label;
    }
}
