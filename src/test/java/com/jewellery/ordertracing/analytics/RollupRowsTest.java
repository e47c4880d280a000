package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollupRowsTest {

    private static final Instant HOUR = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aRowIsHeldOnlyAtTheVersionItWasReadAt() {
        RollupRows rows = new RollupRows(10);
        RollupRows.Key key = new RollupRows.Key(Rollup.HOUR, "mes.price", HOUR);
        rows.put(key, RollupRows.parse("901:3", ascii("[300:302]={1,NULL,2}"), 1, 3));

        assertThat(rows.at(key, "901:3")).isNotNull();
        assertThat(rows.at(key, "944:3")).as("re-written since").isNull();
        assertThat(rows.at(new RollupRows.Key(Rollup.MINUTE, "mes.price", HOUR), "901:3"))
                .as("another table's row")
                .isNull();
    }

    @Test
    void aHeldRowAddsAsTheArrayWouldHave() {
        Histogram fromRow = new Histogram();
        RollupRows.parse("1:3", ascii("[300:302]={1,NULL,2}"), 1, 3).addTo(fromRow);
        Histogram direct = new Histogram();
        direct.addRow(ascii("[300:302]={1,NULL,2}"), 1, 3);

        assertThat(fromRow.total()).isEqualTo(3).isEqualTo(direct.total());
        assertThat(fromRow.errors()).isEqualTo(direct.errors());
        assertThat(fromRow.slaOk()).isEqualTo(direct.slaOk());
        assertThat(fromRow.percentileMicros(0.5)).isEqualTo(direct.percentileMicros(0.5));
        assertThat(fromRow.percentileMicros(0.5).orElseThrow()).isEqualTo(LogBuckets.representative(302));
    }

    @Test
    void theLeastRecentlyUsedRowsGoBeyondTheCapacity() {
        RollupRows rows = new RollupRows(2);
        RollupRows.Key first = new RollupRows.Key(Rollup.HOUR, "a", HOUR);
        RollupRows.Key second = new RollupRows.Key(Rollup.HOUR, "b", HOUR);
        RollupRows.Key third = new RollupRows.Key(Rollup.HOUR, "c", HOUR);
        rows.put(first, RollupRows.parse("1:1", ascii("{1}"), 0, 1));
        rows.put(second, RollupRows.parse("1:1", ascii("{1}"), 0, 1));
        rows.at(first, "1:1");
        rows.put(third, RollupRows.parse("1:1", ascii("{1}"), 0, 1));

        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.at(first, "1:1")).as("used lately").isNotNull();
        assertThat(rows.at(second, "1:1")).as("least recently used").isNull();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
