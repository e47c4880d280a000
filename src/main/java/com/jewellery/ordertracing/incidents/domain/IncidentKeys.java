package com.jewellery.ordertracing.incidents.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/** {@code INC-<n>}: the key people say and type; the number is the row's id. */
public final class IncidentKeys {

    private static final Pattern KEY = Pattern.compile("(?i)\\s*INC-(\\d{1,18})\\s*");

    private IncidentKeys() {}

    public static String of(long id) {
        return "INC-" + id;
    }

    public static Optional<Long> idOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        var matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
