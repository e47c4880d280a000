package com.jewellery.ordertracing.analytics;

import java.nio.ByteBuffer;

/**
 * Reads a one-dimensional PostgreSQL {@code integer[]} from the bytes the JDBC driver received, element by
 * element, without boxing or building strings: a 7-day chart reads about 800,000 of them.
 */
final class PgIntArray {

    /** Told the bounds first, then every element. */
    interface Bounds {
        void of(int first, int last);
    }

    interface Element {
        void of(int index, long value);
    }

    private static final int INT4_OID = 23;

    private PgIntArray() {}

    /** Array text starts with '{' or '[' (bounds); the binary format starts with the dimension count. */
    static boolean isBinary(byte[] bytes) {
        return bytes.length > 0 && bytes[0] != '{' && bytes[0] != '[';
    }

    /** ndim, has-null flag, element type, then per dimension size and lower bound, then (length, value) each. */
    static void binary(byte[] bytes, Bounds bounds, Element element) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int dimensions = in.getInt();
        in.getInt();
        int type = in.getInt();
        if (dimensions == 0) {
            return;
        }
        if (dimensions != 1 || type != INT4_OID) {
            throw new IllegalArgumentException(
                    "not a one-dimensional integer[]: " + dimensions + " dims, type " + type);
        }
        int size = in.getInt();
        int first = in.getInt();
        bounds.of(first, first + size - 1);
        for (int i = 0; i < size; i++) {
            int length = in.getInt();
            if (length == 4) {
                element.of(first + i, in.getInt());
            } else if (length != -1) {
                throw new IllegalArgumentException("integer element of " + length + " bytes");
            }
        }
    }

    /** {@code {1,2,NULL}} from index 1, or {@code [298:300]={1,2,NULL}}. */
    static void text(byte[] bytes, Bounds bounds, Element element) {
        int at = 0;
        int first = 1;
        if (bytes[0] == '[') {
            at = 1;
            boolean negative = bytes[at] == '-';
            at += negative ? 1 : 0;
            int value = 0;
            while (bytes[at] != ':') {
                value = value * 10 + (bytes[at++] - '0');
            }
            first = negative ? -value : value;
            while (bytes[at] != '{') {
                at++;
            }
        }
        int elements = bytes[at + 1] == '}' ? 0 : 1;
        for (int i = at; i < bytes.length; i++) {
            elements += bytes[i] == ',' ? 1 : 0;
        }
        if (elements == 0) {
            return;
        }
        bounds.of(first, first + elements - 1);
        int index = first;
        long value = 0;
        boolean negative = false;
        for (int i = at + 1; i < bytes.length; i++) {
            byte c = bytes[i];
            if (c == ',' || c == '}') {
                element.of(index++, negative ? -value : value);
                value = 0;
                negative = false;
            } else if (c == '-') {
                negative = true;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            }
            // the letters of NULL leave the value at 0
        }
    }
}
