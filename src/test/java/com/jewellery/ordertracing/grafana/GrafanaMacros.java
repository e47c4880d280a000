package com.jewellery.ordertracing.grafana;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a panel's SQL the way Grafana's PostgreSQL data source documents its macros (query editor, "Macros"):
 * {@code $__timeFilter(c)} → {@code c BETWEEN 'from' AND 'to'} (RFC 3339, UTC), {@code $__timeFrom()} /
 * {@code $__timeTo()} → the quoted times, {@code $__timeGroup(c, '5m')} → {@code floor(extract(epoch from c)/300)*300},
 * {@code $__timeGroupAlias} the same with {@code AS "time"}, {@code $__interval} → the interval ({@code 5m}),
 * {@code $__interval_ms} → the interval in milliseconds ({@code 300000}),
 * and single-value variables {@code $name} / {@code ${name}} → their raw value.
 */
final class GrafanaMacros {

    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
    private static final Pattern TIME_GROUP = Pattern.compile("\\$__timeGroup(Alias)?\\(([^,]+),\\s*'?([^')]+)'?\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    private GrafanaMacros() {}

    static String expand(String sql, Instant from, Instant to, Duration interval, Map<String, String> variables) {
        String expanded = sql.replace("$__interval_ms", Long.toString(interval.toMillis()))
                .replace("$__interval", grafanaInterval(interval));
        expanded = TIME_FILTER
                .matcher(expanded)
                .replaceAll(match -> Matcher.quoteReplacement(
                        match.group(1).strip() + " BETWEEN " + quoted(from) + " AND " + quoted(to)));
        expanded = expanded.replace("$__timeFrom()", quoted(from)).replace("$__timeTo()", quoted(to));
        expanded = TIME_GROUP.matcher(expanded).replaceAll(match -> {
            long seconds = parse(match.group(3).strip()).toSeconds();
            String group = "floor(extract(epoch from " + match.group(2).strip() + ")/" + seconds + ")*" + seconds;
            return Matcher.quoteReplacement(match.group(1) != null ? group + " AS \"time\"" : group);
        });
        expanded = VARIABLE.matcher(expanded).replaceAll(match -> {
            String name = match.group(1) != null ? match.group(1) : match.group(2);
            if (name.startsWith("__") || !variables.containsKey(name)) {
                throw new IllegalArgumentException("unknown variable $" + name + " in: " + sql);
            }
            return Matcher.quoteReplacement(variables.get(name));
        });
        return expanded;
    }

    private static String quoted(Instant instant) {
        return "'" + instant.truncatedTo(ChronoUnit.SECONDS) + "'";
    }

    private static String grafanaInterval(Duration interval) {
        return interval.toSeconds() % 60 == 0 ? interval.toMinutes() + "m" : interval.toSeconds() + "s";
    }

    private static Duration parse(String interval) {
        long amount = Long.parseLong(interval.substring(0, interval.length() - 1));
        return switch (interval.charAt(interval.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }
}
