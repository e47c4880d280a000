package com.jewellery.ordertracing.alerts;

import java.util.List;

/**
 * A sentence about an alert, kept as a translation key with its arguments rather than as text, so the
 * portal shows it in each user's language and notifications go out in the configured one.
 *
 * @param key   translation key, e.g. {@code alerts.text.failed}; its pattern's {0} is the stage's name
 * @param stage the stage the sentence names, null when none
 * @param args  the pattern's {1}, {2}, ... as text
 */
public record AlertText(String key, String stage, List<String> args) {

    public AlertText {
        args = List.copyOf(args);
    }

    /** The pattern's arguments: the stage (as given, to be replaced by its name), then the others. */
    public Object[] arguments(String stageName) {
        Object[] all = new Object[args.size() + 1];
        all[0] = stageName;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return all;
    }
}
