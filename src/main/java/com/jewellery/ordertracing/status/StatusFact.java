package com.jewellery.ordertracing.status;

import java.util.Arrays;
import java.util.List;

/**
 * One thing a check found out, for people: a translation key and its arguments, shown in the reader's
 * language (the technical detail beside it stays as the component said it).
 */
public record StatusFact(String key, List<Object> args) {

    public StatusFact {
        args = List.copyOf(args);
    }

    public static StatusFact of(String key, Object... args) {
        return new StatusFact(key, Arrays.asList(args));
    }
}
