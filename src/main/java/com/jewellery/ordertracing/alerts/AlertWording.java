package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.base.StageNames;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Alert texts in one language, from the same translation bundles as the screens, for readers outside
 * the portal: notifications and the log. Plain Java: the bundles are read as resource bundles.
 */
public final class AlertWording {

    private static final String BUNDLE = "vaadin-i18n.translations";

    private final ResourceBundle bundle;
    private final Locale locale;

    public AlertWording(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: a language without its own file gets the base (English)
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static AlertWording english() {
        return new AlertWording(Locale.ENGLISH);
    }

    public String text(AlertText text) {
        return format(text.key(), text.arguments(text.stage() == null ? "" : stage(text.stage())));
    }

    /** The translated text of a key; the key itself when the bundles lack it. */
    public String format(String key, Object... arguments) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    /** A stage's name; its id for a stage configured without a translation. */
    public String stage(String stageId) {
        return StageNames.name(this::format, stageId);
    }
}
