package com.jewellery.ordertracing.incidents.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What makes two failures "the same fault": stage, service, error type and the message with everything that
 * differs from order to order taken out. The key is versioned ({@code v1:...}), so a later, better
 * normalisation can live beside incidents that own keys of the old one.
 *
 * @param stage      stage id of the failure, may be null
 * @param service    service that reported it, may be null
 * @param errorType  exception type, may be null
 * @param template   the normalised message
 */
public record Fingerprint(String stage, String service, String errorType, String template) {

    public static final String VERSION = "v1";
    private static final int TEMPLATE_MAX = 400;

    // order matters: the specific shapes first, then anything that still carries a digit
    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern ORDER_ID = Pattern.compile("\\bORD-[A-Za-z0-9-]+");
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern HEX = Pattern.compile("\\b(0x)?[0-9a-fA-F]{12,}\\b");
    /** A token with a digit in it is a value (PLATINUM_950, 42, v7), not wording; the Drain log-template rule. */
    private static final Pattern WITH_DIGIT = Pattern.compile("[A-Za-z0-9_.:-]*\\d[A-Za-z0-9_.:-]*");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Fingerprint {
        template = template == null ? "" : template;
    }

    /** The fingerprint of one failure. */
    public static Fingerprint of(String stage, String service, String errorType, String message) {
        return new Fingerprint(blankToNull(stage), blankToNull(service), blankToNull(errorType), normalise(message));
    }

    /** The message with order ids, UUIDs, timestamps, long hex ids and every token holding a digit replaced. */
    public static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        String text = UUID.matcher(firstLine).replaceAll("<uuid>");
        text = ORDER_ID.matcher(text).replaceAll("<order>");
        text = TIMESTAMP.matcher(text).replaceAll("<time>");
        text = HEX.matcher(text).replaceAll("<hex>");
        text = WITH_DIGIT.matcher(text).replaceAll("<*>");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.length() <= TEMPLATE_MAX ? text : text.substring(0, TEMPLATE_MAX);
    }

    /** {@code v1:} and the SHA-256 of the four parts, in hex: fixed length, safe as a key. */
    public String key() {
        String joined = String.join(
                "\u001f",
                Objects.toString(stage, ""),
                Objects.toString(service, ""),
                Objects.toString(errorType, ""),
                template);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return VERSION + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** What people read: "mes.price · PricingException: no price quote for metal <*> (order <order>)". */
    public String summary() {
        String type = errorType == null ? "" : simpleName(errorType) + ": ";
        String text = (stage == null ? "" : stage + " · ") + type + template;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static String simpleName(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
