package com.jewellery.orderflow.instrumentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/** The MES's price calculation: metal by weight plus a making charge, from the day's metal quotes. */
public final class Pricing {

    private static final BigDecimal MAKING_CHARGE = new BigDecimal("45.00");

    private final Map<String, BigDecimal> pricePerGram;

    private Pricing(Map<String, BigDecimal> pricePerGram) {
        this.pricePerGram = Map.copyOf(pricePerGram);
    }

    /** A fixed quote sheet; a real MES reads the day's quotes from its price feed. */
    public static Pricing standardQuotes() {
        return new Pricing(Map.of(
                "GOLD_750", new BigDecimal("61.20"),
                "GOLD_585", new BigDecimal("47.80"),
                "SILVER_925", new BigDecimal("0.95"),
                "PLATINUM_950", new BigDecimal("31.40")));
    }

    /** The same quotes with one metal missing, as when the price feed skipped it today. */
    Pricing withoutQuoteFor(String metal) {
        Map<String, BigDecimal> quotes = new HashMap<>(pricePerGram);
        quotes.remove(metal);
        return new Pricing(quotes);
    }

    /** @throws PricingException when there is no quote for the order's metal */
    public BigDecimal price(OrderPayload order) {
        BigDecimal perGram = pricePerGram.get(order.metal());
        if (perGram == null) {
            throw new PricingException(
                    "no price quote for metal " + order.metal() + " (order " + order.orderId() + ")");
        }
        return perGram.multiply(BigDecimal.valueOf(order.weightGrams()))
                .add(MAKING_CHARGE)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The price of an order cannot be calculated. */
    public static final class PricingException extends RuntimeException {
        PricingException(String message) {
            super(message);
        }
    }
}
