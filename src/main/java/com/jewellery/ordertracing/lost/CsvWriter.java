package com.jewellery.ordertracing.lost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, lines end
 * with CRLF. A field that a spreadsheet would run as a formula ({@code = + - @}, tab, CR at the start)
 * gets a leading apostrophe, so an error message cannot become a formula in the reader's Excel.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) {
        try {
            out.write(fields.stream().map(CsvWriter::field).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
