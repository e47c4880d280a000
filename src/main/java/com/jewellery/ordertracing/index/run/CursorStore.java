package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code indexer_cursor} table: per service, up to when its spans have been read. */
final class CursorStore {

    private final JdbcTemplate jdbc;

    CursorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> readUntil(String service) {
        return jdbc
                .query(
                        "SELECT read_until FROM indexer_cursor WHERE service = ?",
                        (rs, row) -> SqlTimes.instant(rs, "read_until"),
                        service)
                .stream()
                .findFirst();
    }

    Map<String, Instant> all() {
        Map<String, Instant> cursors = new HashMap<>();
        jdbc.query("SELECT service, read_until FROM indexer_cursor", rs -> {
            cursors.put(rs.getString("service"), SqlTimes.instant(rs, "read_until"));
        });
        return cursors;
    }

    /** The slowest of the services' cursors: up to when all of them are read; empty while one has none yet. */
    Optional<Instant> indexedUntil(List<String> services) {
        Map<String, Instant> all = all();
        if (!all.keySet().containsAll(services)) {
            return Optional.empty();
        }
        return services.stream().map(all::get).min(Comparator.naturalOrder());
    }

    /** Moves each service's cursor to {@code readUntil}, unless it is further already. */
    void advanceAll(List<String> services, Instant readUntil, Instant now) {
        jdbc.batchUpdate(
                """
                INSERT INTO indexer_cursor (service, read_until, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (service) DO UPDATE SET updated_at = EXCLUDED.updated_at,
                    read_until = GREATEST(indexer_cursor.read_until, EXCLUDED.read_until)""",
                services.stream()
                        .map(service -> new Object[] {service, SqlTimes.timestamp(readUntil), SqlTimes.timestamp(now)})
                        .toList());
    }

    void advance(String service, Instant readUntil, Instant now) {
        jdbc.update("""
                INSERT INTO indexer_cursor (service, read_until, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (service) DO UPDATE SET read_until = EXCLUDED.read_until, updated_at = EXCLUDED.updated_at""", service, SqlTimes.timestamp(readUntil), SqlTimes.timestamp(now));
    }
}
