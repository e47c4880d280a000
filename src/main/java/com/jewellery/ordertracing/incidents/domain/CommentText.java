package com.jewellery.ordertracing.incidents.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment cut into plain text and order ids, so the view can show the text as text (never as markup) and
 * each order id as a link to its journey.
 */
public final class CommentText {

    /** The trace contract's order id: {@code ORD-} then letters, digits and dashes, 64 characters at most. */
    private static final Pattern ORDER_ID = Pattern.compile("(?<![A-Za-z0-9-])ORD-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*");

    private static final int ORDER_ID_MAX = 64;

    /** @param orderId null for plain text */
    public record Part(String text, String orderId) {
        public boolean isOrder() {
            return orderId != null;
        }
    }

    private CommentText() {}

    public static List<Part> parts(String comment) {
        List<Part> parts = new ArrayList<>();
        if (comment == null || comment.isEmpty()) {
            return parts;
        }
        Matcher matcher = ORDER_ID.matcher(comment);
        int at = 0;
        while (matcher.find()) {
            if (matcher.group().length() > ORDER_ID_MAX) {
                continue;
            }
            if (matcher.start() > at) {
                parts.add(new Part(comment.substring(at, matcher.start()), null));
            }
            parts.add(new Part(matcher.group(), matcher.group()));
            at = matcher.end();
        }
        if (at < comment.length()) {
            parts.add(new Part(comment.substring(at), null));
        }
        return parts;
    }
}
