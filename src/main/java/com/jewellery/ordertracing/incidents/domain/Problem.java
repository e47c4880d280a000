package com.jewellery.ordertracing.incidents.domain;

import java.util.List;

/**
 * One thing wrong with what was typed: which field, and a translation key with its arguments.
 *
 * @param field "title", "description", "assignee", "orders", ...
 */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }
}
