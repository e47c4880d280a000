package com.jewellery.ordertracing.lost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and the formula guard. */
class CsvWriterTest {

    @Test
    void plainFieldsStayAsTheyAreAndLinesEndWithCrlf() {
        assertThat(csv("ORD-1", "crm.process", "")).isEqualTo("ORD-1,crm.process,\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(csv("a,b", "say \"hi\"", "two\nlines", "cr\rhere"))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void nullIsAnEmptyField() {
        assertThat(csv("x", null, "y")).isEqualTo("x,,y\r\n");
    }

    @Test
    void fieldsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(csv("=1+2", "+SUM(A1)", "-3", "@cmd", "\tx")).isEqualTo("'=1+2,'+SUM(A1),'-3,'@cmd,'\tx\r\n");
        assertThat(csv("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    }

    @Test
    void cyrillicIsKept() {
        assertThat(csv("Ошибка расчёта цены")).isEqualTo("Ошибка расчёта цены\r\n");
    }

    private static String csv(String... fields) {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(Arrays.asList(fields));
        return out.toString();
    }
}
