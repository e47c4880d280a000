package com.jewellery.ordertracing.index.partitions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which daily partitions (UTC days) a partitioned table should gain and lose: today through
 * {@code ahead} days after it are created, days before {@code today - retentionDays} are dropped.
 * Partition names are {@code <table>_pYYYYMMDD}; other partitions (the DEFAULT one) are left alone.
 */
record PartitionPlan(String table, List<LocalDate> create, List<String> drop, LocalDate retainFrom) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    static PartitionPlan of(String table, Collection<String> existing, LocalDate today, int ahead, int retentionDays) {
        List<LocalDate> existingDays =
                existing.stream().flatMap(name -> day(table, name).stream()).toList();
        LocalDate retainFrom = today.minusDays(retentionDays);
        List<LocalDate> create = Stream.iterate(
                        today, day -> !day.isAfter(today.plusDays(ahead)), day -> day.plusDays(1))
                .filter(day -> !existingDays.contains(day))
                .toList();
        List<String> drop = existingDays.stream()
                .filter(day -> day.isBefore(retainFrom))
                .sorted()
                .map(day -> name(table, day))
                .toList();
        return new PartitionPlan(table, create, drop, retainFrom);
    }

    static String name(String table, LocalDate day) {
        return table + "_p" + DAY.format(day);
    }

    static Optional<LocalDate> day(String table, String partitionName) {
        Matcher matcher = Pattern.compile(Pattern.quote(table) + "_p(\\d{8})").matcher(partitionName);
        return matcher.matches() ? Optional.of(LocalDate.parse(matcher.group(1), DAY)) : Optional.empty();
    }
}
