package com.jewellery.ordertracing.review.domain;

import java.util.Optional;

/**
 * What commentary may hold. Checked before it is stored, because what gets in must also come out again: a NUL
 * cannot be stored in PostgreSQL text (the insert fails), and the other control characters, unpaired surrogates
 * and U+FFFE/U+FFFF are not allowed in XML, so the review's PDF (XHTML) could not be made any more.
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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            boolean noCharacter = c == '\uFFFE' || c == '\uFFFF';
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || noCharacter || unpaired) {
                return Optional.of(Problem.CONTROL_CHARACTERS);
            }
        }
        return Optional.empty();
    }
}
