package com.jewellery.orderflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough JSON for flat objects of strings, numbers and booleans (plus writing nested parts). The flow is a reference users
 * copy into their own services, so it brings no JSON library of its own: use yours instead.
 */
final class Json {

    private Json() {
    }

    /** JSON text rendered elsewhere, put into an object as it is (nested objects and arrays). */
    record Raw(String json) {
    }

    /** Renders an object; values must be strings, numbers, booleans, null or {@link Raw}. */
    static String object(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .map(field -> quote(field.getKey()) + ":" + value(field.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u%04x".formatted((int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> quote(text);
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            case Raw raw -> raw.json();
            default -> throw new IllegalArgumentException("not a flat JSON value: " + value.getClass());
        };
    }

    /**
     * Parses a flat object. Values come back as String, Double, Boolean or null.
     *
     * @throws IllegalArgumentException with the position of the first error
     */
    static Map<String, Object> parseObject(String text) {
        Parser parser = new Parser(text);
        Map<String, Object> fields = parser.object();
        parser.expectEnd();
        return fields;
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                position++;
                return fields;
            }
            do {
                String key = string();
                expect(':');
                fields.put(key, value());
            } while (consume(","));
            expect('}');
            return fields;
        }

        private Object value() {
            char next = peek();
            if (next == '"') {
                return string();
            }
            if (next == '-' || Character.isDigit(next)) {
                return number();
            }
            if (consume("true")) {
                return Boolean.TRUE;
            }
            if (consume("false")) {
                return Boolean.FALSE;
            }
            if (consume("null")) {
                return null;
            }
            throw error("expected a string, number, boolean or null");
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                } else {
                    value.append(escaped());
                }
            }
            throw error("unterminated string");
        }

        private char escaped() {
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char c = text.charAt(position++);
            return switch (c) {
                case '"', '\\', '/' -> c;
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'u' -> unicodeEscape();
                default -> throw error("bad escape \\" + c);
            };
        }

        private char unicodeEscape() {
            if (position + 4 > text.length()) {
                throw error("short \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
                position += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("bad \\u escape");
            }
        }

        private Double number() {
            int start = position;
            while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
            try {
                return Double.valueOf(text.substring(start, position));
            } catch (NumberFormatException e) {
                position = start;
                throw error("bad number");
            }
        }

        /** Skips blanks, then the token if it comes next. */
        private boolean consume(String token) {
            skipWhitespace();
            if (text.startsWith(token, position)) {
                position += token.length();
                return true;
            }
            return false;
        }

        private void expect(char wanted) {
            if (peek() != wanted) {
                throw error("expected '" + wanted + "'");
            }
            position++;
        }

        void expectEnd() {
            skipWhitespace();
            if (position != text.length()) {
                throw error("unexpected text after the object");
            }
        }

        /** The next non-blank character, or 0 at the end. */
        private char peek() {
            skipWhitespace();
            return position < text.length() ? text.charAt(position) : 0;
        }

        private void skipWhitespace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(problem + " at character " + position);
        }
    }
}
