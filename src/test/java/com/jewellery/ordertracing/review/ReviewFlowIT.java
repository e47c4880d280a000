package com.jewellery.ordertracing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.analytics.LogBuckets;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewFigures.QualityIssue;
import com.jewellery.ordertracing.review.domain.ReviewRows;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.StackJaeger;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The weekly review of a played week: the real order flow sends its traces to the stack's memory-store
 * Jaeger, the portal's indexer fills a schema of its own, the review of the current week is generated and
 * every figure is compared with SQL written here over the stored rows of the week, and the run's own rows
 * (its order ids) with the generator's ground truth. Orders of other flows that reached the same Jaeger
 * in the same minutes may be indexed too; they count in the figures and in the SQL alike. Then the mail: the outbox
 * delivers it to a real SMTP server (GreenMail) with the PDF, whose text holds the figures in Russian.
 *
 * <p>The portal's clock runs 7 minutes ahead once the index has everything, so every order that never
 * finished is past the end-to-end SLA (5 min) and the lost-orders list, which the review counts, calls it lost.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=review_it",
            "spring.flyway.schemas=review_it",
            "portal.jaeger.endpoint=127.0.0.1:14685",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=2m",
            "portal.index.initial-lookback=5s",
            "portal.index.lock-key=727613",
            "portal.incidents.matcher-interval=1s",
            "portal.alerts.delivery-interval=1s",
            "portal.alerts.max-attempts=30",
            "portal.alerts.email-to=",
            "portal.alerts.webhook-url=",
            "portal.review.check-interval=1h",
            "portal.review.language=ru",
            "portal.review.mail-to=analysts@jewellery.test, head@jewellery.test",
            // sampled runs of other tests may be indexed here too; this test's orders are all sampled
            "portal.lost.continuity.min-orders=1000000000"
        })
class ReviewFlowIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Duration AHEAD = Duration.ofMinutes(7);

    /** Up for the whole class: the outbox may deliver the mail as soon as the set-up has generated the review. */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup(13025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    /** The system clock, moved ahead by the test. */
    static final class AheadClock extends Clock {
        volatile Duration ahead = Duration.ZERO;

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        AheadClock aheadClock() {
            return new AheadClock();
        }
    }

    @Autowired
    private ReviewGenerator generator;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private AheadClock clock;

    private GroundTruth truth;
    private String prefix;
    private IsoWeek week;
    private Instant from;
    private Instant to;
    private ReviewFigures figures;

    @BeforeAll
    void playAWeekAndGenerateItsReview() throws Exception {
        truth = GeneratedOrders.play(
                40, "ok=3,slow_pricing=1,pricing_error=1,lost=1,stuck=1", 40, 1313, 5, StackJaeger.MEMORY.otlp());
        prefix = "ORD-" + truth.runId() + "-%";
        assertThat(truth.orders()).allMatch(SentOrder::accepted).allMatch(SentOrder::sampled);
        week = IsoWeek.containing(truth.startedAt(), MOSCOW);
        from = week.start(MOSCOW);
        to = week.end(MOSCOW);
        long ended = count(Set.of(Outcome.OK, Outcome.SLOW_PRICING, Outcome.PRICING_ERROR));
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(sql("SELECT count(*) FROM order_journey"))
                            .isEqualTo(truth.orders().size());
                    assertThat(sql("SELECT count(*) FROM stage_measurement WHERE stage_id = 'end_to_end'"))
                            .isEqualTo(ended);
                    assertThat(sql("SELECT count(*) FROM failure_fingerprint"))
                            .isEqualTo(count(Set.of(Outcome.PRICING_ERROR)));
                });
        clock.ahead = AHEAD;
        // the indexer follows the portal's clock: once it has read up to the new now, the index is healthy
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> jdbc.queryForObject("SELECT min(read_until) FROM indexer_cursor", Timestamp.class)
                        .toInstant()
                        .isAfter(clock.instant().minusSeconds(3)));
        jdbc.update("DELETE FROM weekly_review WHERE week = ?", week.toString());
        // nothing else arriving: the figures and the SQL below read the same rows
        String before = snapshot();
        figures = generator.generateIfAbsent(week).orElseThrow();
        assertThat(snapshot()).as("rows indexed while the review was generated").isEqualTo(before);
    }

    /** What the review reads, in one string: changes when the indexer or the matcher writes. */
    private String snapshot() {
        return jdbc.queryForObject(
                "SELECT (SELECT count(*) || '/' || coalesce(max(indexed_at)::text, '') FROM order_journey) || ' '"
                        + " || (SELECT count(*) FROM stage_measurement) || ' ' || (SELECT count(*) FROM failure_fingerprint)",
                String.class);
    }

    @Test
    @Order(1)
    void theOrdersEqualIndependentSqlAndTheGroundTruth() {
        ReviewFigures.Orders orders = figures.orders();
        String inWeek = "FROM order_journey WHERE first_seen >= ? AND first_seen < ?";
        assertThat(orders.entered()).isEqualTo(sqlInWeek("SELECT count(*) " + inWeek));
        assertThat(orders.completed()).isEqualTo(sqlInWeek("SELECT count(*) " + inWeek + " AND outcome = 'COMPLETED'"));
        assertThat(orders.failed()).isEqualTo(sqlInWeek("SELECT count(*) " + inWeek + " AND outcome = 'FAILED'"));
        // this run's rows against the generator's ground truth
        String ours = inWeek + " AND order_id LIKE ?";
        assertThat(sqlInWeek("SELECT count(*) " + ours, prefix))
                .isEqualTo(truth.orders().size());
        assertThat(sqlInWeek("SELECT count(*) " + ours + " AND outcome = 'COMPLETED'", prefix))
                .isEqualTo(count(Set.of(Outcome.OK, Outcome.SLOW_PRICING)));
        assertThat(sqlInWeek("SELECT count(*) " + ours + " AND outcome = 'FAILED'", prefix))
                .isEqualTo(count(Set.of(Outcome.PRICING_ERROR)));
        assertThat(sqlInWeek("SELECT count(*) " + ours + " AND outcome = 'IN_PROGRESS'", prefix))
                .isEqualTo(count(Set.of(Outcome.LOST, Outcome.STUCK)));
        // lost and stuck are the list's (its rules: stage SLAs, end-to-end SLA): every unfinished order of the
        // week is one or the other once past the end-to-end SLA, which the clock is for this run's orders
        long unfinished = sqlInWeek("SELECT count(*) " + inWeek + " AND outcome = 'IN_PROGRESS'");
        assertThat(orders.lost() + orders.stuck()).isLessThanOrEqualTo(unfinished);
        assertThat(orders.lost()).isGreaterThanOrEqualTo(count(Set.of(Outcome.LOST, Outcome.STUCK)));
        assertThat(orders.completedRate()).isEqualTo((double) orders.completed() / orders.entered());
        assertThat(orders.failedRate()).isEqualTo((double) orders.failed() / orders.entered());
        assertThat(orders.lostRate()).isEqualTo((double) orders.lost() / orders.entered());
    }

    @Test
    @Order(2)
    void everyStageEqualsIndependentSqlOverTheMeasurements() {
        assertThat(figures.stages()).isNotEmpty();
        for (ReviewFigures.StageRow stage : figures.stages()) {
            Map<String, Object> exact =
                    jdbc.queryForMap("""
                    SELECT count(*) AS orders, count(*) FILTER (WHERE error) AS errors,
                        count(*) FILTER (WHERE sla_ok) AS sla_ok,
                        percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_us) AS p50,
                        percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_us) AS p95,
                        percentile_disc(0.99) WITHIN GROUP (ORDER BY duration_us) AS p99
                    FROM stage_measurement WHERE stage_id = ? AND ended_at >= ? AND ended_at < ?""", stage.stageId(), Timestamp.from(from), Timestamp.from(to));
            long orders = number(exact, "orders");
            assertThat(stage.orders()).as(stage.stageId()).isEqualTo(orders);
            if (orders == 0) {
                assertThat(stage.p95Ms()).as(stage.stageId()).isNull();
                continue;
            }
            assertThat(stage.errorRate()).as(stage.stageId()).isEqualTo((double) number(exact, "errors") / orders);
            assertThat(stage.slaCompliance()).as(stage.stageId()).isEqualTo((double) number(exact, "sla_ok") / orders);
            closeTo(stage.stageId() + " p50", stage.p50Ms(), exact.get("p50"));
            closeTo(stage.stageId() + " p95", stage.p95Ms(), exact.get("p95"));
            closeTo(stage.stageId() + " p99", stage.p99Ms(), exact.get("p99"));
            // the trend: this week last, the weeks before hold nothing in this schema
            assertThat(stage.trend()).hasSize(6);
            assertThat(stage.trend().getLast().orders()).isEqualTo(orders);
            assertThat(stage.trend().getLast().p95Ms()).isEqualTo(stage.p95Ms());
            assertThat(stage.trend().subList(0, 5))
                    .extracting(ReviewFigures.TrendPoint::orders)
                    .containsOnly(sql(
                            "SELECT count(*) FROM stage_measurement WHERE stage_id = ? AND ended_at < ?",
                            stage.stageId(),
                            Timestamp.from(from)));
            assertThat(stage.p95Change()).as("no week before").isNull();
        }
        // this run's measurements against the ground truth: every order that ended has its end to end, every
        // pricing error is the price calculation's error
        assertThat(sql(
                        "SELECT count(*) FROM stage_measurement WHERE stage_id = 'end_to_end' AND order_id LIKE ?",
                        prefix))
                .isEqualTo(count(Set.of(Outcome.OK, Outcome.SLOW_PRICING, Outcome.PRICING_ERROR)));
        assertThat(sql(
                        "SELECT count(*) FROM stage_measurement WHERE stage_id = 'mes.price' AND error AND order_id LIKE ?",
                        prefix))
                .isEqualTo(count(Set.of(Outcome.PRICING_ERROR)));
    }

    @Test
    @Order(3)
    void failuresIncidentsAndTheDataQualityLineEqualIndependentSql() {
        List<Map<String, Object>> fingerprints = jdbc.queryForList(
                "SELECT fingerprint, count(*) AS orders FROM failure_fingerprint WHERE failed_at >= ? AND failed_at < ? "
                        + "GROUP BY fingerprint ORDER BY orders DESC, fingerprint LIMIT 10",
                Timestamp.from(from),
                Timestamp.from(to));
        assertThat(figures.failures())
                .extracting(ReviewFigures.FailureRow::fingerprint, ReviewFigures.FailureRow::orders)
                .containsExactlyElementsOf(fingerprints.stream()
                        .map(row -> org.assertj.core.groups.Tuple.tuple(row.get("fingerprint"), number(row, "orders")))
                        .toList());
        assertThat(figures.failures().stream()
                        .mapToLong(ReviewFigures.FailureRow::orders)
                        .sum())
                .isEqualTo(count(Set.of(Outcome.PRICING_ERROR)));
        assertThat(figures.failures())
                .extracting(ReviewFigures.FailureRow::stage)
                .containsOnly("mes.price");

        assertThat((long) figures.incidents().opened())
                .isEqualTo(sqlInWeek("SELECT count(*) FROM incident WHERE created_at >= ? AND created_at < ?"));
        assertThat((long) figures.incidents().resolved())
                .isEqualTo(sqlInWeek("SELECT count(*) FROM incident WHERE created_at >= ? AND created_at < ? "
                        + "AND resolved_at IS NOT NULL"));

        long emptyHours = sql("""
                SELECT count(*) FROM generate_series(CAST(? AS timestamptz), CAST(? AS timestamptz) - interval '1 hour',
                    interval '1 hour') h
                WHERE h < ? AND NOT EXISTS (SELECT FROM stage_measurement m
                                            WHERE m.ended_at >= h AND m.ended_at < h + interval '1 hour')""", Timestamp.from(from), Timestamp.from(to), generatedAt());
        assertThat(figures.dataQuality())
                .filteredOn(q -> q.issue() == QualityIssue.HOURS_WITHOUT_DATA)
                .extracting(ReviewFigures.Quality::value)
                .containsExactly((double) emptyHours);
        assertThat(figures.dataQuality())
                .extracting(ReviewFigures.Quality::issue)
                .contains(QualityIssue.WEEK_NOT_OVER)
                .doesNotContain(QualityIssue.NO_ORDERS, QualityIssue.NO_MEASUREMENTS, QualityIssue.RATIO_SAMPLING)
                // the index had read up to the generation (the cursors above) and its runs succeeded
                .doesNotContain(QualityIssue.INDEX_NOT_RUN, QualityIssue.INDEX_BEHIND, QualityIssue.INDEX_FAILING);
    }

    @Test
    @Order(4)
    void theReviewIsMailedOnceWithItsPdfWhoseTextHoldsTheFiguresInRussian() throws Exception {
        // polled, not GreenMail's waitForIncomingEmail: while that waits, the outbox's delivery in this JVM did not
        // get through (seen twice: "delivered" logged the moment the wait gave up)
        org.awaitility.Awaitility.await("one mail to each of the two recipients")
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> MAIL.getReceivedMessages().length >= 2);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("analysts@jewellery.test", "head@jewellery.test");
        assertThat(mail.getSubject())
                .isEqualTo("[Портал заказов] Еженедельный аналитический обзор " + week + " (версия 1)");
        Multipart parts = (Multipart) mail.getContent();
        String body = null;
        byte[] pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).isEqualTo("weekly-review-" + week + ".pdf");
                assertThat(part.getContentType()).startsWith("application/pdf");
                pdf = part.getInputStream().readAllBytes();
            } else {
                body = text(part);
            }
        }
        ReviewFigures.Orders orders = figures.orders();
        assertThat(body)
                .contains("поступило " + orders.entered())
                .contains("выполнено " + orders.completed())
                .contains("/review/" + week);
        assertThat(pdf).isNotNull();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        ReviewFigures.StageRow endToEnd = stage("end_to_end");
        assertThat(text)
                .contains("Еженедельный аналитический обзор", "Неделя " + week, "Поступило", "Выполнено", "Потеряно")
                .contains(orders.completed() + " (" + ReviewRows.percent(orders.completedRate()) + ")")
                .contains(orders.failed() + " (" + ReviewRows.percent(orders.failedRate()) + ")")
                .contains(orders.lost() + " (" + ReviewRows.percent(orders.lostRate()) + ")")
                .contains("Этапы", "Весь заказ", ReviewRows.millis(endToEnd.p95Ms()))
                .contains("Основные ошибки", "Неполные данные: обзор создан до конца недели.");

        assertThat(sql("SELECT count(*) FROM alert_notification WHERE event = 'WEEKLY_REVIEW'"))
                .as("one notification for the version, not one per recipient or instance")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT status FROM alert_notification WHERE event = 'WEEKLY_REVIEW'", String.class))
                        .isEqualTo("DELIVERED"));
        assertThat(generator.generateIfAbsent(week))
                .as("the week has its review")
                .isEmpty();
        Thread.sleep(2_000);
        assertThat(MAIL.getReceivedMessages()).as("nothing mailed again").hasSize(2);
    }

    /** The review's own "now" (its generation), not this test's: an hour may begin in between. */
    private Timestamp generatedAt() {
        return jdbc.queryForObject(
                "SELECT generated_at FROM weekly_review WHERE week = ? AND version = 1",
                Timestamp.class,
                week.toString());
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart inner) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < inner.getCount(); i++) {
                texts.add(text(inner.getBodyPart(i)));
            }
            return String.join("\n", texts);
        }
        return content instanceof String string ? string : "";
    }

    private ReviewFigures.StageRow stage(String id) {
        return figures.stages().stream()
                .filter(row -> row.stageId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void closeTo(String what, Double millis, Object exactMicros) {
        double expected = ((Number) exactMicros).doubleValue() / 1000.0;
        assertThat(millis).as(what).isCloseTo(expected, within(expected * LogBuckets.RELATIVE_ERROR + 1e-9));
    }

    private long count(Set<Outcome> outcomes) {
        return truth.orders().stream()
                .filter(sent -> outcomes.contains(sent.order().outcome()))
                .count();
    }

    private long sqlInWeek(String query, Object... more) {
        Object[] arguments = new Object[2 + more.length];
        arguments[0] = Timestamp.from(from);
        arguments[1] = Timestamp.from(to);
        System.arraycopy(more, 0, arguments, 2, more.length);
        return sql(query, arguments);
    }

    private long sql(String query, Object... arguments) {
        Long value = jdbc.queryForObject(query, Long.class, arguments);
        return value == null ? 0 : value;
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
