package com.jewellery.ordertracing.base;

/**
 * Whether typed text can be stored and shown again everywhere it goes: a NUL cannot be stored in PostgreSQL text
 * (the insert fails), and the other control characters, unpaired surrogates and U+FFFE/U+FFFF are not allowed in
 * XML, so a PDF (XHTML) of it could not be made. Tab and line breaks are fine.
 */
public final class StorableText {

    private StorableText() {}

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
            boolean noCharacter = c == '\uFFFE' || c == '\uFFFF';
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || noCharacter || unpaired) {
                return false;
            }
        }
        return true;
    }
}
