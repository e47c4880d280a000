package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.journey.SpanRecord;
import java.sql.Array;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code order_span} table: every order span the indexer has seen, once. Only spans with
 * {@code order.id} belong here.
 */
final class SpanStore {

    private static final String INSERT = """
            INSERT INTO order_span (order_id, span_id, trace_id, start_time, span)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT DO NOTHING""";
    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final JourneyJson json;

    SpanStore(JdbcTemplate jdbc, JourneyJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the spans not stored yet; a span read again (overlapping windows, another service's search)
     * changes nothing.
     *
     * @return how many spans were new, and the orders they belong to
     */
    Added addNew(List<SpanRecord> spans) {
        int[][] counts = jdbc.batchUpdate(INSERT, spans, BATCH_SIZE, (ps, span) -> {
            ps.setString(1, span.orderId().orElseThrow());
            ps.setString(2, span.spanId());
            ps.setString(3, span.traceId());
            ps.setObject(4, Sql.timestamp(span.start()));
            ps.setString(5, json.write(span));
        });
        Set<String> orders = new LinkedHashSet<>();
        int added = 0;
        int index = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                // 1 inserted, 0 already there; a driver that cannot tell (SUCCESS_NO_INFO) counts as new
                if (count != 0) {
                    orders.add(spans.get(index).orderId().orElseThrow());
                    added++;
                }
                index++;
            }
        }
        return new Added(added, orders);
    }

    /** @param spans how many spans were stored; @param orders the orders they belong to */
    record Added(int spans, Set<String> orders) {
    }

    /** Every stored span of these orders. */
    List<SpanRecord> spansOf(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT span FROM order_span WHERE order_id = ANY (?)");
            Array ids = connection.createArrayOf("varchar", orderIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, (rs, row) -> json.span(rs.getString(1)));
    }
}
