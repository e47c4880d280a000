package com.jewellery.orderflow.instrumentation;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The business data of an order as it travels shop → CRM → MES (JSON). */
public record OrderPayload(String orderId, String customerId, String item, String metal, double weightGrams) {

    /** The contract's order id format: {@code ORD-} + letters, digits and dashes, 64 characters at most. */
    private static final Pattern ORDER_ID = Pattern.compile("ORD-[A-Za-z0-9-]{1,60}");

    private static final JsonMapper JSON = JsonMapper.shared();

    public OrderPayload {
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw new MalformedOrderException("order id '" + orderId + "' does not match " + ORDER_ID);
        }
    }

    public String toJson() {
        return JSON.createObjectNode()
                .put("orderId", orderId)
                .put("customerId", customerId)
                .put("item", item)
                .put("metal", metal)
                .put("weightGrams", weightGrams)
                .toString();
    }

    /** @throws MalformedOrderException when the text is not an order; the message says why */
    public static OrderPayload parse(String json) {
        JsonNode fields;
        try {
            fields = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedOrderException("order is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (fields == null || !fields.isObject()) {
            throw new MalformedOrderException("order is not valid JSON: expected an object");
        }
        return new OrderPayload(
                text(fields, "orderId"),
                text(fields, "customerId"),
                text(fields, "item"),
                text(fields, "metal"),
                number(fields, "weightGrams"));
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value != null && value.isString()) {
            return value.stringValue();
        }
        throw new MalformedOrderException("order field '" + name + "' is missing or not text");
    }

    private static double number(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value != null && value.isNumber()) {
            return value.doubleValue();
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
