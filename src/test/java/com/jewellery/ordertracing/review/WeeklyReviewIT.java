package com.jewellery.ordertracing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.jewellery.ordertracing.analytics.LogBuckets;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewFigures.QualityIssue;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The weekly review against the real PostgreSQL: figures of planted weeks against independent SQL, one
 * review per week with two concurrent generators, regeneration keeping the earlier version, a week without
 * data, and commentary saved over someone else's.
 */
@IntegrationTest
class WeeklyReviewIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Weeks of 2003: no other test keeps rows there. */
    private static final IsoWeek WEEK = IsoWeek.parse("2003-W20").orElseThrow();

    private static final IsoWeek EMPTY_WEEK = IsoWeek.parse("2003-W30").orElseThrow();
    private static final String STAGE = "shop.create";

    @Autowired
    WeeklyReviewService service;

    @Autowired
    ReviewGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    private JourneyRows rows;

    @BeforeEach
    void ownOrders() {
        rows = new JourneyRows(
                jdbc, "ORD-RV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-");
        clean();
    }

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
        rows.deleteAll();
        clean();
    }

    private void clean() {
        for (IsoWeek week : List.of(WEEK, EMPTY_WEEK)) {
            jdbc.update("DELETE FROM weekly_review WHERE week = ?", week.toString());
            jdbc.update("DELETE FROM weekly_review_comment WHERE week = ?", week.toString());
        }
        jdbc.update(
                "DELETE FROM stage_rollup_hour WHERE bucket_start >= ? AND bucket_start < ?",
                Timestamp.from(WEEK.minus(6).start(MOSCOW)),
                Timestamp.from(EMPTY_WEEK.end(MOSCOW)));
    }

    @Test
    void theFiguresOfAPlantedWeekEqualIndependentSql() {
        Instant monday = WEEK.start(MOSCOW);
        rows.insert(rows.completed("C1", monday.plusSeconds(60), monday.plusSeconds(120)));
        rows.insert(rows.completed(
                "C2",
                monday.plus(Duration.ofDays(2)),
                monday.plus(Duration.ofDays(2)).plusSeconds(30)));
        rows.insert(rows.completed(
                "C3",
                monday.plus(Duration.ofDays(6)),
                monday.plus(Duration.ofDays(6)).plusSeconds(30)));
        rows.insert(rows.failed(
                "F1", monday.plus(Duration.ofDays(1)), "mes.price", monday.plus(Duration.ofDays(1)), "no price quote"));
        rows.insert(rows.open("O1", monday.plus(Duration.ofDays(3)), "crm.process", monday.plus(Duration.ofDays(3))));
        rows.insert(
                rows.completed("BEFORE", monday.minusSeconds(1), monday.plusSeconds(10))); // the week before, in Moscow
        // the stage: 40 orders of 2 ms this week, 10 of 1 ms the week before
        rollup(monday.plus(Duration.ofHours(5)), 2_000, 40, 4, 40);
        rollup(WEEK.minus(1).start(MOSCOW).plus(Duration.ofHours(5)), 1_000, 10, 0, 10);

        generator.generateIfAbsent(WEEK).orElseThrow();
        ReviewFigures figures = read(WEEK).figures();

        Long entered = jdbc.queryForObject(
                "SELECT count(*) FROM order_journey WHERE order_id LIKE ? AND first_seen >= ? " + "AND first_seen < ?",
                Long.class,
                rows.id("%"),
                Timestamp.from(monday),
                Timestamp.from(WEEK.end(MOSCOW)));
        assertThat(figures.orders().entered()).isEqualTo(entered).isEqualTo(5);
        assertThat(figures.orders().completed()).isEqualTo(3);
        assertThat(figures.orders().failed()).isEqualTo(1);
        assertThat(figures.orders().lost() + figures.orders().stuck()).isEqualTo(1); // O1, long past every SLA
        ReviewFigures.StageRow stage = figures.stages().stream()
                .filter(row -> row.stageId().equals(STAGE))
                .findFirst()
                .orElseThrow();
        Long stageOrders = jdbc.queryForObject(
                "SELECT sum(orders) FROM stage_rollup_hour WHERE stage_id = ? AND "
                        + "bucket_start >= ? AND bucket_start < ?",
                Long.class,
                STAGE,
                Timestamp.from(monday),
                Timestamp.from(WEEK.end(MOSCOW)));
        assertThat(stage.orders()).isEqualTo(stageOrders).isEqualTo(40);
        assertThat(stage.p95Ms()).isCloseTo(2.0, within(2.0 * LogBuckets.RELATIVE_ERROR));
        assertThat(stage.errorRate()).isEqualTo(0.1);
        assertThat(stage.p95Change()).isCloseTo(1.0, within(0.05));
        assertThat(stage.trend()).hasSize(6);
        assertThat(stage.trend().get(4).orders()).isEqualTo(10);
        assertThat(figures.dataQuality())
                .extracting(ReviewFigures.Quality::issue)
                .contains(QualityIssue.HOURS_WITHOUT_DATA)
                .doesNotContain(QualityIssue.NO_ORDERS, QualityIssue.WEEK_NOT_OVER);
    }

    @Test
    void twoInstancesGeneratingAtOnceWriteOneReview() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<ReviewFigures>>> results = List.of(1, 2).stream()
                    .map(i -> pool.submit(() -> {
                        start.await();
                        return generator.generateIfAbsent(WEEK);
                    }))
                    .toList();
            start.countDown();
            long written = 0;
            for (Future<Optional<ReviewFigures>> result : results) {
                written += result.get().isPresent() ? 1 : 0;
            }
            assertThat(written).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM weekly_review WHERE week = ?", Long.class, WEEK.toString()))
                .isEqualTo(1);
        assertThat(generator.generateIfAbsent(WEEK)).isEmpty();
    }

    @Test
    void regeneratingKeepsTheEarlierVersion() {
        generator.generateIfAbsent(WEEK).orElseThrow();
        signIn("admin", Roles.ADMINISTRATION, Roles.STAFF);
        rows.insert(rows.completed(
                "LATE", WEEK.start(MOSCOW).plusSeconds(600), WEEK.start(MOSCOW).plusSeconds(700)));
        assertThat(service.regenerate(WEEK)).isEqualTo(2);
        assertThat(service.versions(WEEK)).containsExactly(1, 2);
        assertThat(service.version(WEEK, 1).orElseThrow().figures().orders().entered())
                .isZero();
        StoredReview latest = service.latest(WEEK).orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.generatedBy()).isEqualTo("admin");
        assertThat(latest.figures().orders().entered()).isEqualTo(1);
        assertThat(service.weeks(100))
                .filteredOn(item -> item.week().equals(WEEK.toString()))
                .extracting(ReviewListItem::version)
                .containsExactly(2);
    }

    @Test
    void aWeekWithoutDataSaysSo() {
        generator.generateIfAbsent(EMPTY_WEEK).orElseThrow();
        ReviewFigures figures = read(EMPTY_WEEK).figures();
        assertThat(figures.hasData()).isFalse();
        assertThat(figures.dataQuality())
                .extracting(ReviewFigures.Quality::issue)
                .contains(QualityIssue.NO_ORDERS);
        assertThat(figures.orders().entered()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT has_data FROM weekly_review WHERE week = ?", Boolean.class, EMPTY_WEEK.toString()))
                .isFalse();
    }

    @Test
    void theSecondOfTwoEditsFromTheSameVersionIsRefusedWithTheFirstOnesText() {
        generator.generateIfAbsent(WEEK).orElseThrow();
        signIn("analyst", Roles.REVIEW_EDIT, Roles.STAFF);
        ReviewComment read = service.comments(WEEK).get(ReviewSection.STAGES);
        assertThat(read.version()).isZero();
        ReviewComment first =
                service.saveComment(WEEK, ReviewSection.STAGES, "Ценообразование медленнее", read.version());
        assertThat(first.version()).isEqualTo(1);
        signIn("admin", Roles.REVIEW_EDIT, Roles.STAFF);
        assertThatThrownBy(() -> service.saveComment(WEEK, ReviewSection.STAGES, "other text", read.version()))
                .isInstanceOfSatisfying(CommentConflictException.class, conflict -> {
                    assertThat(conflict.current().updatedBy()).isEqualTo("analyst");
                    assertThat(conflict.current().text()).isEqualTo("Ценообразование медленнее");
                });
        ReviewComment second = service.saveComment(WEEK, ReviewSection.STAGES, "other text", first.version());
        assertThat(second.version()).isEqualTo(2);
        assertThat(service.comments(WEEK).get(ReviewSection.STAGES).text()).isEqualTo("other text");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_event WHERE event_type = 'REVIEW' AND detail LIKE ?",
                        Long.class,
                        WEEK + " STAGES%"))
                .isEqualTo(2);
    }

    @Test
    void supportReadsButCannotCommentOrRegenerate() {
        generator.generateIfAbsent(WEEK).orElseThrow();
        signIn("support", Roles.STAFF, Roles.ORDER_WORK, Roles.INCIDENT_READ);
        assertThat(service.latest(WEEK)).isPresent();
        assertThatThrownBy(() -> service.saveComment(WEEK, ReviewSection.SUMMARY, "x", 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.regenerate(WEEK)).isInstanceOf(AccessDeniedException.class);
    }

    private StoredReview read(IsoWeek week) {
        signIn("support", Roles.STAFF);
        try {
            return service.latest(week).orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void rollup(Instant hour, long micros, int orders, int errors, int slaOk) {
        int bucket = LogBuckets.bucketOf(micros);
        jdbc.update(
                "INSERT INTO stage_rollup_hour (stage_id, bucket_start, counts, orders, errors, sla_ok) VALUES "
                        + "(?, ?, CAST(? AS integer[]), ?, ?, ?)",
                STAGE,
                Timestamp.from(hour),
                "[" + bucket + ":" + bucket + "]={" + orders + "}",
                orders,
                errors,
                slaOk);
    }

    private static void signIn(String user, String... sets) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user,
                        null,
                        java.util.Arrays.stream(sets)
                                .map(set -> new SimpleGrantedAuthority(Roles.PREFIX + set))
                                .toList()));
    }
}
