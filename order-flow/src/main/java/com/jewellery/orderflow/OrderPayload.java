package com.jewellery.orderflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The business data of an order as it travels shop → CRM → MES (JSON). */
public record OrderPayload(String orderId, String customerId, String item, String metal, double weightGrams) {

    /** The contract's order id format: {@code ORD-} + letters, digits and dashes, 64 characters at most. */
    private static final Pattern ORDER_ID = Pattern.compile("ORD-[A-Za-z0-9-]{1,60}");

    public OrderPayload {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw new MalformedOrderException("order id '" + orderId + "' does not match " + ORDER_ID);
        }
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", orderId);
        fields.put("customerId", customerId);
        fields.put("item", item);
        fields.put("metal", metal);
        fields.put("weightGrams", weightGrams);
        return Json.object(fields);
    }

    /** @throws MalformedOrderException when the text is not an order; the message says why */
    public static OrderPayload parse(String json) {
        Map<String, Object> fields;
        try {
            fields = Json.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new MalformedOrderException("order is not valid JSON: " + e.getMessage(), e);
        }
        return new OrderPayload(text(fields, "orderId"), text(fields, "customerId"), text(fields, "item"),
                text(fields, "metal"), number(fields, "weightGrams"));
    }

    private static String text(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String value) {
            return value;
        }
        throw new MalformedOrderException("order field '" + name + "' is missing or not text");
    }

    private static double number(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof Double value) {
            return value;
        }
        throw new MalformedOrderException("order field '" + name + "' is missing or not a number");
    }

    /** An order that cannot be read. */
    public static final class MalformedOrderException extends RuntimeException {
        MalformedOrderException(String message) {
            super(message);
        }

        MalformedOrderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
