package com.jewellery.ordertracing.lost.continuity;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which stages each recent order was seen at, read from the stages of its stored journey. */
@Repository
class ReachedStagesQuery {

    private static final String SQL = """
            WITH recent AS (
                SELECT journey FROM order_journey WHERE first_seen >= ? AND first_seen < ?
                ORDER BY first_seen DESC LIMIT ?)
            SELECT ARRAY(SELECT s -> 'definition' ->> 'id' FROM jsonb_array_elements(recent.journey -> 'stages') s
                         WHERE s ->> 'state' <> 'MISSING') AS reached
            FROM recent""";

    private final JdbcTemplate jdbc;

    ReachedStagesQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per order first seen in {@code [from, to)}, at most {@code sample} of the most recent, its seen stages. */
    List<Set<String>> reachedStages(Instant from, Instant to, int sample) {
        return jdbc.query(
                SQL, (rs, row) -> stages(rs.getArray("reached")), Timestamp.from(from), Timestamp.from(to), sample);
    }

    private static Set<String> stages(Array array) throws java.sql.SQLException {
        return Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
