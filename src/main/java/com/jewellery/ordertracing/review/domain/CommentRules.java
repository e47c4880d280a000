package com.jewellery.ordertracing.review.domain;

import com.jewellery.ordertracing.base.StorableText;
import java.util.Optional;

/**
 * What commentary may hold: bounded, and only what can be stored and put into the review's PDF again
 * ({@link StorableText}). Checked before it is stored.
 */
public final class CommentRules {

    /** The longest commentary of one section, in characters (the column's width). */
    public static final int MAX_LENGTH = 20_000;

    /** Why a text is refused. */
    public enum Problem {
        TOO_LONG,
        CONTROL_CHARACTERS
    }

    private CommentRules() {}

    /** Empty when the (already stripped) text may be stored. */
    public static Optional<Problem> problem(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (!StorableText.isStorable(text)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        }
        return Optional.empty();
    }
}
