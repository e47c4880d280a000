package com.jewellery.ordertracing.base.jdbc;

/** LIKE patterns from what people type, for {@code LIKE :pattern ESCAPE '\'}: their % and _ match only themselves. */
public final class LikePatterns {

    private LikePatterns() {}

    /** Matches every text that starts with {@code text}. */
    public static String prefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
