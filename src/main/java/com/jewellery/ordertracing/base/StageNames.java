package com.jewellery.ordertracing.base;

import java.util.function.Function;

/**
 * A stage's name in the reader's language, for the screens and the alert notifications alike. Stages added
 * in configuration without a translation show their id rather than a missing-key marker. Plain Java: the
 * caller passes its way of translating a key (a view's {@code getTranslation}, the alert texts' bundle).
 */
public final class StageNames {

    private static final String PREFIX = "journey.stage.";

    private StageNames() {}

    /**
     * The translated name; "(no stage)" for null.
     *
     * @param translate a key's translation; for a key the bundles lack, any text that contains the key
     *                  (Vaadin's {@code !{key}!} marker, or the key itself)
     */
    public static String name(Function<String, String> translate, String stageId) {
        if (stageId == null) {
            return translate.apply(PREFIX + "none");
        }
        String name = translate.apply(PREFIX + stageId);
        return name.contains(PREFIX) ? stageId : name;
    }
}
