package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.base.jdbc.LikePatterns;
import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL that applies {@link DetectionRules.Deadlines#classify} to {@code order_journey} in the
 * database, so filtering, sorting, paging and counting never load rows that are not listed. Completed
 * orders are excluded first, which lets PostgreSQL read only the partial index of open orders.
 */
final class ProblemQuery {

    /** What the classification reads: all in the covering partial index of open orders (V10), so no heap visits. */
    private static final String CLASSIFY_COLUMNS = "order_id, first_seen, last_stage, last_stage_ended_at, outcome";

    private static final String DETAIL_COLUMNS = ", current_status, error_stage, error_message";

    private final DetectionRules.Deadlines deadlines;
    private final ProblemFilter filter;
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    ProblemQuery(DetectionRules.Deadlines deadlines, ProblemFilter filter) {
        this.deadlines = deadlines;
        this.filter = filter;
    }

    MapSqlParameterSource params() {
        return params;
    }

    /**
     * One page of listed orders. The page is chosen from the index alone; only its rows are then read
     * from the table for their details.
     */
    String page(ProblemSort sort, int offset, int limit) {
        params.addValue("limit", limit).addValue("offset", offset);
        String page = "SELECT order_id, first_seen, since, reason, last_stage AS stage FROM (" + classified(false)
                + ") p" + listedWhere() + " ORDER BY " + orderBy(sort, "last_stage") + " LIMIT :limit OFFSET :offset";
        return "SELECT j.order_id, j.first_seen, j.last_stage, j.last_stage_ended_at, j.outcome, j.current_status,"
                + " j.error_stage, j.error_message, p.since, p.reason FROM (" + page + ") p"
                + " JOIN order_journey j USING (order_id, first_seen) ORDER BY " + orderBy(sort, "stage");
    }

    /** Every listed order with its details, in one pass (for the export: a join per row would cost more). */
    String all(ProblemSort sort) {
        return "SELECT * FROM (" + classified(true) + ") p" + listedWhere() + " ORDER BY "
                + orderBy(sort, "last_stage");
    }

    String count() {
        return "SELECT count(*) FROM (" + classified(false) + ") p" + listedWhere();
    }

    String countByStageAndReason() {
        return "SELECT last_stage, reason, count(*) AS orders FROM (" + classified(false) + ") p" + listedWhere()
                + " GROUP BY last_stage, reason";
    }

    /** Open orders of the filter's range with their reason (null when within every SLA), with details or not. */
    private String classified(boolean details) {
        List<String> where = new ArrayList<>(List.of("outcome <> 'COMPLETED'"));
        if (filter.firstSeenFrom() != null) {
            where.add("first_seen >= :firstSeenFrom");
            params.addValue("firstSeenFrom", SqlTimes.timestamp(filter.firstSeenFrom()));
        }
        if (filter.firstSeenTo() != null) {
            where.add("first_seen < :firstSeenTo");
            params.addValue("firstSeenTo", SqlTimes.timestamp(filter.firstSeenTo()));
        }
        if (filter.stage() != null) {
            where.add("last_stage = :stage");
            params.addValue("stage", filter.stage());
        }
        if (filter.orderIdPrefix() != null) {
            String prefix = filter.orderIdPrefix();
            String upper = prefix.toUpperCase(Locale.ROOT);
            params.addValue("orderIdPrefix", LikePatterns.prefix(prefix));
            if (upper.equals(prefix)) {
                where.add("order_id LIKE :orderIdPrefix ESCAPE '\\'");
            } else {
                // as typed or in upper case, as the shop writes ids (lookup.OrderIds.upperCase; not imported:
                // lookup depends on this package)
                where.add("(order_id LIKE :orderIdPrefix ESCAPE '\\' OR order_id LIKE :upperPrefix ESCAPE '\\')");
                params.addValue("upperPrefix", LikePatterns.prefix(upper));
            }
        }
        return "SELECT " + CLASSIFY_COLUMNS + (details ? DETAIL_COLUMNS : "")
                + ", COALESCE(last_stage_ended_at, first_seen) AS since, " + reason()
                + " AS reason FROM order_journey WHERE " + String.join(" AND ", where);
    }

    private String reason() {
        DetectionRules rules = deadlines.rules();
        StringBuilder sql = new StringBuilder("CASE");
        if (rules.isEnabled(ProblemReason.FAILED)) {
            sql.append(" WHEN outcome = 'FAILED' THEN 'FAILED'");
        }
        List<String> late = new ArrayList<>();
        if (rules.isEnabled(ProblemReason.LOST)) {
            params.addValue("lostBefore", SqlTimes.timestamp(deadlines.lostBefore()));
            late.add("first_seen < :lostBefore");
        }
        if (rules.isEnabled(ProblemReason.STUCK)) {
            late.add("COALESCE(last_stage_ended_at, first_seen) < " + stuckDeadline());
        }
        if (!deadlines.unconfirmedAfter().isEmpty() && !late.isEmpty()) {
            params.addValue("unconfirmedAfter", "{" + String.join(",", deadlines.unconfirmedAfter()) + "}");
            sql.append(" WHEN last_stage = ANY(CAST(:unconfirmedAfter AS text[])) AND (")
                    .append(String.join(" OR ", late))
                    .append(") THEN ")
                    .append(rules.isEnabled(ProblemReason.UNCONFIRMED) ? "'UNCONFIRMED'" : "NULL");
        }
        if (rules.isEnabled(ProblemReason.LOST)) {
            sql.append(" WHEN ").append(late.getFirst()).append(" THEN 'LOST'");
        }
        if (rules.isEnabled(ProblemReason.STUCK)) {
            sql.append(" WHEN ").append(late.getLast()).append(" THEN 'STUCK'");
        }
        return sql.append(" END").toString();
    }

    /** Per last stage, the moment before which it is stuck; NULL (never stuck) after terminal or unknown stages. */
    private String stuckDeadline() {
        StringBuilder sql = new StringBuilder("CASE");
        if (deadlines.stuckBeforeAnyStage() != null) {
            params.addValue("stuckBeforeNoStage", SqlTimes.timestamp(deadlines.stuckBeforeAnyStage()));
            sql.append(" WHEN last_stage IS NULL THEN CAST(:stuckBeforeNoStage AS timestamptz)");
        }
        int i = 0;
        for (Map.Entry<String, Instant> deadline : deadlines.stuckBefore().entrySet()) {
            params.addValue("stage" + i, deadline.getKey())
                    .addValue("stuckBefore" + i, SqlTimes.timestamp(deadline.getValue()));
            sql.append(" WHEN last_stage = :stage")
                    .append(i)
                    .append(" THEN CAST(:stuckBefore")
                    .append(i)
                    .append(" AS timestamptz)");
            i++;
        }
        return sql.append(" END").toString();
    }

    private String listedWhere() {
        StringBuilder sql = new StringBuilder(" WHERE reason IS NOT NULL");
        if (filter.reason() != null) {
            sql.append(" AND reason = :reason");
            params.addValue("reason", filter.reason().name());
        }
        if (filter.minStuckFor() != null) {
            sql.append(" AND since <= :movedBefore");
            params.addValue("movedBefore", SqlTimes.timestamp(deadlines.now().minus(filter.minStuckFor())));
        }
        return sql.toString();
    }

    private String orderBy(ProblemSort sort, String stageColumn) {
        String direction = sort.ascending() ? "ASC" : "DESC";
        String column = switch (sort.key()) {
            case ORDER_ID -> "order_id";
            case LAST_STAGE -> {
                params.addValue(
                        "stageOrder", "{" + String.join(",", deadlines.rules().stages()) + "}");
                yield "array_position(CAST(:stageOrder AS text[]), " + stageColumn + ")";
            }
            // longest stuck = earliest "since"
            case STUCK_FOR -> {
                direction = sort.ascending() ? "DESC" : "ASC";
                yield "since";
            }
            case REASON -> "reason";
            case FIRST_SEEN -> "first_seen";
        };
        return column + " " + direction + " NULLS LAST, order_id, first_seen";
    }
}
