package com.jewellery.orderflow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** {@code <command> --name value ...}, with typed look-ups that name the bad option in their errors. */
record CommandLine(String command, Map<String, String> options) {

    static CommandLine parse(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return new CommandLine(args[0], options);
    }

    void allowOnly(Set<String> names) {
        options.keySet().stream()
                .filter(name -> !names.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("'" + command + "' has no option --" + name);
                });
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return typed(name, fallback, Integer::valueOf);
    }

    long longValue(String name, long fallback) {
        return typed(name, fallback, Long::valueOf);
    }

    double decimal(String name, double fallback) {
        return typed(name, fallback, Double::valueOf);
    }

    Duration seconds(String name, double fallback) {
        return Duration.ofMillis(Math.round(decimal(name, fallback) * 1000));
    }

    private <T> T typed(String name, T fallback, Function<String, T> parser) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " " + value + ": not a number");
        }
    }
}
