package com.jewellery.ordertracing.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rollup rows already read and parsed, each with the row version it was read at (PostgreSQL's {@code xmin}: the
 * transaction that wrote that version). A chart asks the database only for the versions of its rows, which is
 * cheap, and reads the arrays of the rows that are new or changed since; the rows of past hours and days do not
 * change (but for late spans and re-indexing, which write a new version). The least recently used rows go
 * beyond {@code capacity}. Thread-safe.
 */
final class RollupRows {

    /** A row's identity: the rollup table, the stage, the row's start. */
    record Key(Rollup rollup, String stageId, Instant start) {}

    /**
     * One row's histogram as stored: counts from bucket {@code first} on.
     *
     * @param version {@code xmin} and the row's order count, read with it
     */
    record Row(String version, int first, int[] counts, long errors, long slaOk) {
        void addTo(Histogram histogram) {
            histogram.addCounts(first, counts, errors, slaOk);
        }
    }

    private final Map<Key, Row> rows;

    RollupRows(int capacity) {
        this.rows = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Row> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The row if it is held at this version. */
    synchronized Row at(Key key, String version) {
        Row row = rows.get(key);
        return row != null && row.version().equals(version) ? row : null;
    }

    synchronized void put(Key key, Row row) {
        rows.put(key, row);
    }

    synchronized int size() {
        return rows.size();
    }

    /** Parses a row's {@code counts} bytes ({@link PgIntArray}: binary or text) into a row. */
    static Row parse(String version, byte[] counts, long errors, long slaOk) {
        int[][] holder = {new int[0]};
        int[] first = {0};
        PgIntArray.Bounds bounds = (lowest, highest) -> {
            first[0] = lowest;
            holder[0] = new int[Math.max(0, highest - lowest + 1)];
        };
        PgIntArray.Element element = (index, value) -> holder[0][index - first[0]] = (int) value;
        if (PgIntArray.isBinary(counts)) {
            PgIntArray.binary(counts, bounds, element);
        } else {
            PgIntArray.text(counts, bounds, element);
        }
        return new Row(version, first[0], holder[0], errors, slaOk);
    }
}
