package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.lost.continuity.ContinuityMonitor;
import com.jewellery.ordertracing.security.Roles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lost-orders list for support and development, and its aggregate numbers for everyone. Individual
 * orders are refused to analysts here, not only hidden in the view.
 */
@Service
public class LostOrdersService {

    private static final List<String> CSV_HEADER = List.of(
            "order_id",
            "last_stage",
            "reason",
            "stuck_for_seconds",
            "stuck_for",
            "error_summary",
            "current_status",
            "first_seen",
            "last_stage_ended_at");

    private final ProblemDetector detector;
    private final LostOrderQueries queries;
    private final LostProperties properties;
    private final Clock clock;

    private final ContinuityMonitor continuity;

    LostOrdersService(
            ProblemDetector detector,
            LostOrderQueries queries,
            LostProperties properties,
            ContinuityMonitor continuity,
            Clock clock) {
        this.continuity = continuity;
        this.detector = detector;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public List<OrderProblem> page(ProblemFilter filter, ProblemSort sort, int offset, int limit) {
        return queries.page(detector.deadlines(), filter, sort, offset, limit);
    }

    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public long count(ProblemFilter filter) {
        return queries.count(detector.deadlines(), filter);
    }

    /** The whole filtered list as UTF-8 CSV (with a byte order mark, so spreadsheets read Cyrillic right). */
    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public void exportCsv(ProblemFilter filter, ProblemSort sort, OutputStream out) {
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            writer.write('\uFEFF');
            CsvWriter csv = new CsvWriter(writer);
            csv.row(CSV_HEADER);
            queries.forEach(detector.deadlines(), filter, sort, problem -> csv.row(csvRow(problem)));
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV export could not be written", e);
        }
    }

    /** Listed orders per last stage and reason, for the filter's time range and age; for every role. */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public List<ProblemCount> counts(ProblemFilter filter) {
        return queries.countByStageAndReason(detector.deadlines(), filter.countsOnly());
    }

    /** Of the orders first seen within the coverage window, how many Jaeger shows at each stage. */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public SamplingCoverage coverage() {
        Instant now = clock.instant();
        LostOrderQueries.StageReach reach =
                queries.stageReach(now.minus(properties.coverageWindow()), now, properties.coverageSample());
        return new SamplingCoverage(
                StageCoverage.of(detector.rules().stages(), reach.ordersByStage()),
                properties.coverageWindow(),
                reach.orders(),
                properties.ratioSampling(),
                properties.samplingRatio(),
                continuity.current());
    }

    /** Stage ids in flow order, for filters. */
    @PreAuthorize(Roles.CAN_STAFF)
    public List<String> stages() {
        return detector.rules().stages();
    }

    private static List<String> csvRow(OrderProblem problem) {
        OrderSnapshot order = problem.order();
        return List.of(
                order.orderId(),
                nullToEmpty(order.lastStage()),
                problem.reason().name(),
                Long.toString(problem.stuckFor().toSeconds()),
                Durations.compact(problem.stuckFor()),
                nullToEmpty(problem.errorSummary()),
                nullToEmpty(order.currentStatus()),
                order.firstSeen().toString(),
                order.lastStageEndedAt() == null ? "" : order.lastStageEndedAt().toString());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
