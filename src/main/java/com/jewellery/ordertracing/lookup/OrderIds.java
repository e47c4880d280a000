package com.jewellery.ordertracing.lookup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a typed order id may look like. Checked before any query, so a typo gets a clear answer and
 * odd input never reaches the database or Jaeger.
 */
public final class OrderIds {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private OrderIds() {}

    /**
     * The id in upper case, as the shop writes its ids: one copied from a customer's mail or typed by hand often is
     * not, so lookups, filters and links also try this form when the id as typed names no order.
     */
    public static String upperCase(String orderId) {
        return orderId.toUpperCase(Locale.ROOT);
    }

    /** The id as stored (trimmed), or empty when it cannot be an order id. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String id = typed.strip();
        return id.length() <= MAX_LENGTH && VALID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
