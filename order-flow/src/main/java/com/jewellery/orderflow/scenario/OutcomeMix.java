package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.Outcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Relative weights of the outcomes, parsed from {@code ok=90,lost=2,stuck=2,...}. Outcomes left out
 * weigh 0. Weights are relative, they need not add up to 100.
 */
public final class OutcomeMix {

    /** Mostly healthy orders with every fault present: the default of {@code generate}. */
    public static final OutcomeMix GENERATE_DEFAULT =
            parse("ok=88,lost=2,stuck=2,pricing_error=2,slow_pricing=2,poison=2,mes_down=2");
    /** A gentle trickle of faults for the always-on demo. */
    public static final OutcomeMix DEMO_DEFAULT =
            parse("ok=94,lost=1,stuck=1,pricing_error=1,slow_pricing=1,poison=1,mes_down=1");

    private final Map<Outcome, Integer> weights;
    private final int total;

    private OutcomeMix(Map<Outcome, Integer> weights) {
        this.weights = weights;
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    public static OutcomeMix parse(String text) {
        Map<Outcome, Integer> weights = new EnumMap<>(Outcome.class);
        for (String part : text.split(",")) {
            String[] keyAndWeight = part.split("=", -1);
            if (keyAndWeight.length != 2) {
                throw new IllegalArgumentException("mix entry '" + part + "' is not outcome=weight");
            }
            Outcome outcome = Outcome.parse(keyAndWeight[0]);
            if (weights.containsKey(outcome)) {
                throw new IllegalArgumentException("mix names '" + outcome.key() + "' twice");
            }
            weights.put(outcome, parseWeight(keyAndWeight[1].trim(), outcome));
        }
        if (weights.values().stream().allMatch(weight -> weight == 0)) {
            throw new IllegalArgumentException("mix '" + text + "' gives every outcome weight 0");
        }
        return new OutcomeMix(weights);
    }

    private static int parseWeight(String text, Outcome outcome) {
        int weight;
        try {
            weight = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight of '" + outcome.key() + "' is not a whole number: " + text);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight of '" + outcome.key() + "' is negative: " + weight);
        }
        return weight;
    }

    public int weight(Outcome outcome) {
        return weights.getOrDefault(outcome, 0);
    }

    /** Draws one outcome with probability weight / total. */
    public Outcome draw(RandomGenerator random) {
        int ticket = random.nextInt(total);
        for (Map.Entry<Outcome, Integer> entry : weights.entrySet()) {
            ticket -= entry.getValue();
            if (ticket < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    @Override
    public String toString() {
        return weights.entrySet().stream()
                .map(entry -> entry.getKey().key() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
