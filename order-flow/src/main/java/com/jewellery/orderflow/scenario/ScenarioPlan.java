package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which orders a run sends and what happens to each. Outcomes and consumer styles depend on the seed
 * only, so a seed replays the same scenario; the run id makes the order ids unique per run, so two
 * runs with one seed never mix in Jaeger.
 */
public record ScenarioPlan(String runId, long seed, List<PlannedOrder> orders) {

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9]{1,40}");

    public ScenarioPlan {
        requireValidRunId(runId);
        orders = List.copyOf(orders);
    }

    /** The first {@code count} orders of {@link #orders}. */
    public static ScenarioPlan draw(String runId, long seed, int count, OutcomeMix mix, List<ConsumerStyle> styles) {
        return new ScenarioPlan(
                runId, seed, orders(runId, seed, mix, styles).limit(count).toList());
    }

    /**
     * An endless, seeded sequence of orders numbered from 1. {@link Random} is used on purpose: its
     * algorithm is fixed by the Java specification, so a seed gives the same orders on every JDK.
     */
    public static Stream<PlannedOrder> orders(String runId, long seed, OutcomeMix mix, List<ConsumerStyle> styles) {
        requireValidRunId(runId);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one consumer style is needed");
        }
        Random random = new Random(seed);
        return IntStream.iterate(1, number -> number + 1)
                .mapToObj(number -> new PlannedOrder(
                        orderId(runId, number),
                        new Simulation(mix.draw(random), styles.get(random.nextInt(styles.size())))));
    }

    /** Each outcome in each consumer style, {@code repeats} times over: a plan that covers every case. */
    public static ScenarioPlan everyOutcome(String runId, int repeats) {
        List<PlannedOrder> orders = new ArrayList<>();
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (Outcome outcome : Outcome.values()) {
                for (ConsumerStyle style : ConsumerStyle.values()) {
                    orders.add(new PlannedOrder(orderId(runId, orders.size() + 1), new Simulation(outcome, style)));
                }
            }
        }
        return new ScenarioPlan(runId, 0, orders);
    }

    /** For example {@code ORD-MB3K9Z1A-000123}. */
    public static String orderId(String runId, int number) {
        return "ORD-%s-%06d".formatted(runId, number);
    }

    /** A run id from the clock in base 36: eight letters or digits (until 2059), so names sort by time. */
    public static String newRunId() {
        return Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    }

    private static void requireValidRunId(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id must be 1-40 letters or digits: " + runId);
        }
    }
}
