package com.jewellery.ordertracing.index.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.base.jdbc.SqlTimes;
import com.jewellery.ordertracing.index.IndexProperties;
import com.jewellery.ordertracing.index.backfill.BackfillRequest;
import com.jewellery.ordertracing.index.backfill.IndexerAdmin;
import com.jewellery.ordertracing.index.read.IndexStats;
import com.jewellery.ordertracing.index.read.TraceSource;
import com.jewellery.ordertracing.index.store.IndexedJourneys;
import com.jewellery.ordertracing.index.store.JourneyFilter;
import com.jewellery.ordertracing.index.store.JourneySummary;
import com.jewellery.ordertracing.index.store.StoredJourneys;
import com.jewellery.ordertracing.jaeger.JaegerChannel;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.jaeger.JaegerClientSettings;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.StatusFact;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.TestDatabase;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexer against the real Jaeger and PostgreSQL of {@code bin/stack}, fed by the real order flow:
 * every generated order indexed with the stages and outcome of the generator's ground truth, idempotent
 * re-reads, resuming from the cursor, one indexer per database, and catching up after a Jaeger outage.
 * Each run has a schema of its own, dropped at the end, so other tests (or this test run from another
 * clone at the same time) cannot disturb its counts.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "portal.index.enabled=false",
            "portal.index.interval=200ms",
            "portal.index.max-backoff=1s",
            "portal.index.lag=0s",
            "portal.index.overlap=2m",
            "portal.index.initial-lookback=1s"
        })
class IndexerIT {

    private static final Duration INDEXING_LIMIT = Duration.ofSeconds(30);
    private static final String SCHEMA =
            "indexer_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static GroundTruth everyOutcome;

    @Autowired
    private IndexProperties properties;

    @Autowired
    private JaegerClient jaeger;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private JourneyAssembler assembler;

    @Autowired
    private DataSourceProperties dataSource;

    @Autowired
    private IndexedJourneys journeys;

    @Autowired
    private IndexerAdmin admin;

    private final long lockKey = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
    private final List<Indexer> started = new ArrayList<>();

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        TestDatabase.ownSchema(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabase.dropSchema(SCHEMA);
    }

    @BeforeAll
    static void playEveryOutcomeInBothConsumerStyles() throws Exception {
        everyOutcome = GeneratedOrders.play(70, GeneratedOrders.EVERY_OUTCOME, 50, 4242);
        assertThat(everyOutcome.orders()).allMatch(SentOrder::accepted).allMatch(SentOrder::sampled);
        assertThat(everyOutcome.orders())
                .extracting(sent -> sent.order().outcome())
                .as("the seed gives every outcome")
                .contains(Outcome.values());
        assertThat(everyOutcome.orders())
                .extracting(sent -> sent.order().consumerStyle())
                .contains(ConsumerStyle.values());
    }

    @BeforeEach
    void emptyIndex() {
        jdbc.execute("TRUNCATE order_journey, indexer_cursor, indexer_backfill");
    }

    @AfterEach
    void releaseLocks() {
        started.forEach(indexer -> indexer.cycle().release());
    }

    @Test
    void everyGeneratedOrderIsIndexedWithTheStagesAndOutcomeOfTheGroundTruth() {
        Indexer indexer = indexer(TraceSource.jaeger(jaeger));
        startCursorsAt(everyOutcome.startedAt());

        indexUntilComplete(indexer, everyOutcome);

        List<String> mismatches = mismatches(everyOutcome);
        assertThat(mismatches)
                .as("orders whose index entry differs from the ground truth")
                .isEmpty();
        assertThat(indexer.state().snapshot().role()).isEqualTo(IndexerState.Role.LEADER);
    }

    @Test
    void aStoredJourneyWhoseSpansCannotBeReadIsRebuiltNotAStopForTheIndexer() {
        String orderId = everyOutcome.orders().getFirst().order().orderId();
        Instant firstSeen = everyOutcome.startedAt();
        jdbc.update(
                """
                INSERT INTO order_journey (order_id, first_seen, last_seen, outcome, has_error, trace_ids, journey,
                    indexed_at) VALUES (?, ?, ?, 'IN_PROGRESS', false, '{}', CAST(? AS jsonb), now())""",
                orderId,
                SqlTimes.timestamp(firstSeen),
                SqlTimes.timestamp(firstSeen),
                "{\"spans\": \"written by another version\"}");
        Indexer indexer = indexer(TraceSource.jaeger(jaeger));
        startCursorsAt(everyOutcome.startedAt());

        indexUntilComplete(indexer, everyOutcome);

        assertThat(mismatches(everyOutcome)).isEmpty();
        assertThat(indexer.state().snapshot().failure()).isNull();
    }

    @Test
    void theHolderRemembersWhatItStoredUntilItLosesTheLock() throws Exception {
        startCursorsAt(everyOutcome.startedAt());
        Indexer indexer = indexer(TraceSource.jaeger(jaeger));
        indexUntilComplete(indexer, everyOutcome);

        startCursorsAt(everyOutcome.startedAt());
        indexer.cycle().runOnce();
        IndexStats remembered = indexer.state().snapshot().lastStats();
        terminateLockHolder();
        startCursorsAt(everyOutcome.startedAt());
        indexer.cycle().runOnce();
        IndexStats afterTakingTheLockAgain = indexer.state().snapshot().lastStats();

        assertThat(remembered.tracesRead())
                .as("every trace of the run, and whatever else the windows hold")
                .isGreaterThanOrEqualTo(tracesOf(everyOutcome));
        assertThat(afterTakingTheLockAgain.tracesRead()).as("the same windows").isEqualTo(remembered.tracesRead());
        assertThat(remembered.tracesIndexed()).as("skipped before the database").isZero();
        assertThat(afterTakingTheLockAgain.tracesIndexed())
                .as("all checked against the database again")
                .isEqualTo(afterTakingTheLockAgain.tracesRead());
        assertThat(afterTakingTheLockAgain.journeysSaved())
                .as("and nothing was new")
                .isZero();
        assertThat(mismatches(everyOutcome)).isEmpty();
    }

    @Test
    void readingTheSameWindowsAgainChangesNothing() {
        startCursorsAt(everyOutcome.startedAt());
        Indexer first = indexer(TraceSource.jaeger(jaeger));
        indexUntilComplete(first, everyOutcome);
        first.cycle().release();
        List<Map<String, Object>> journeysBefore = journeyRows(everyOutcome);

        startCursorsAt(everyOutcome.startedAt());
        Indexer again = indexer(TraceSource.jaeger(jaeger));
        again.cycle().runOnce();

        IndexStats stats = again.state().snapshot().lastStats();
        assertThat(stats.tracesRead())
                .as("the same traces were read again")
                .isGreaterThanOrEqualTo(tracesOf(everyOutcome));
        assertThat(stats.spansStored()).as("spans of this run stored again").isZero();
        assertThat(journeyRows(everyOutcome))
                .as("rows, contents and indexed_at")
                .isEqualTo(journeysBefore);
    }

    @Test
    void aRestartedIndexerResumesFromItsCursor() throws Exception {
        startCursorsAt(everyOutcome.startedAt());
        Indexer beforeRestart = indexer(TraceSource.jaeger(jaeger));
        indexUntilComplete(beforeRestart, everyOutcome);
        beforeRestart.cycle().release();
        Map<String, Instant> cursorsBefore = beforeRestart.cursors().all();

        GroundTruth later = GeneratedOrders.play(10, "ok=1", 50, 7);
        // initial-lookback is 1 s: an indexer that ignored its cursor would start after these orders
        Indexer afterRestart = indexer(TraceSource.jaeger(jaeger));
        indexUntilComplete(afterRestart, later);

        assertThat(mismatches(later)).isEmpty();
        afterRestart
                .cursors()
                .all()
                .forEach((service, cursor) -> assertThat(cursor).as(service).isAfter(cursorsBefore.get(service)));
    }

    @Test
    void onlyOneOfTwoIndexersIndexesAndTheOtherTakesOverWhenItsConnectionDies() {
        startCursorsAt(everyOutcome.startedAt());
        Indexer first = indexer(TraceSource.jaeger(jaeger));
        Indexer second = indexer(TraceSource.jaeger(jaeger));

        first.cycle().runOnce();
        second.cycle().runOnce();

        assertThat(first.state().snapshot().role()).isEqualTo(IndexerState.Role.LEADER);
        assertThat(first.state().snapshot().lastSuccess()).isNotNull();
        assertThat(second.state().snapshot().role()).isEqualTo(IndexerState.Role.STANDBY);
        assertThat(second.state().snapshot().lastSuccess())
                .as("the standby indexed nothing")
                .isNull();

        terminateLockHolder();
        second.cycle().runOnce();
        first.cycle().runOnce();

        assertThat(second.state().snapshot().role()).isEqualTo(IndexerState.Role.LEADER);
        assertThat(second.state().snapshot().lastSuccess()).isNotNull();
        assertThat(first.state().snapshot().role()).isEqualTo(IndexerState.Role.STANDBY);
    }

    @Test
    void theSchedulerIndexesInTheBackgroundAndGivesTheLockUpWhenStopped() {
        startCursorsAt(everyOutcome.startedAt());
        Indexer background = indexer(TraceSource.jaeger(jaeger));
        IndexerScheduler scheduler = new IndexerScheduler(background.cycle(), Duration.ofMillis(200), true);
        scheduler.start();
        try {
            await().atMost(INDEXING_LIMIT)
                    .untilAsserted(() -> assertThat(mismatches(everyOutcome)).isEmpty());
        } finally {
            scheduler.stop();
        }

        Indexer next = indexer(TraceSource.jaeger(jaeger));
        next.cycle().runOnce();
        assertThat(next.state().snapshot().role())
                .as("the lock is free at once")
                .isEqualTo(IndexerState.Role.LEADER);
    }

    @Test
    void whileJaegerIsDownTheIndexerBacksOffAndThenCatchesUpLosingNothing() throws Exception {
        startCursorsAt(Instant.now());
        Map<String, Instant> cursorsBefore = new CursorStore(jdbc).all();
        GroundTruth duringOutage = GeneratedOrders.play(10, "ok=1,pricing_error=1", 50, 11);
        try (JaegerChannel nowhere = JaegerChannel.plaintext("127.0.0.1:1")) {
            TraceSource down = TraceSource.jaeger(
                    new JaegerClient(nowhere.channel(), new JaegerClientSettings(Duration.ofSeconds(2), 1000)));
            AtomicReference<TraceSource> jaegerNow = new AtomicReference<>(down);
            Indexer indexer = indexer((service, range, depth) -> jaegerNow.get().find(service, range, depth));
            IndexerStatusCheck status = statusCheck(indexer);

            indexer.cycle().runOnce();
            indexer.cycle().runOnce();

            IndexerState.Snapshot failing = indexer.state().snapshot();
            assertThat(failing.failure()).isEqualTo(IndexerState.Failure.JAEGER);
            assertThat(failing.failures())
                    .as("the second tick came before the backoff ended")
                    .isEqualTo(1);
            assertThat(failing.nextAttempt()).isAfter(Instant.now().minusSeconds(1));
            assertThat(new CursorStore(jdbc).all()).as("cursors stay put").isEqualTo(cursorsBefore);
            ComponentStatus row = status.check();
            assertThat(row.up()).isFalse();
            assertThat(row.problemKey()).isEqualTo("status.problem.indexer.jaeger");
            assertThat(row.nameKey()).isEqualTo("status.component.indexer.leader");
            assertThat(row.facts()).extracting(StatusFact::key).contains("status.indexer.failures");
            assertThat(row.facts())
                    .filteredOn(fact -> fact.key().equals("status.indexer.failures"))
                    .singleElement()
                    .satisfies(fact -> assertThat(fact.args().getFirst()).isEqualTo(1));
            assertThat(row.detail())
                    .as("the error as raised, for whoever fixes it")
                    .isNotBlank();

            jaegerNow.set(TraceSource.jaeger(jaeger));
            indexUntilComplete(indexer, duringOutage);

            assertThat(mismatches(duringOutage)).isEmpty();
            assertThat(indexer.state().snapshot().failure()).isNull();
            assertThat(status.check().up()).isTrue();
            assertThat(status.check().facts())
                    .extracting(StatusFact::key)
                    .contains("status.indexer.lastRun", "status.indexer.behind", "status.indexer.lastStats")
                    .doesNotContain("status.indexer.failures");
        }
    }

    @Test
    @WithMockUser(roles = "SUPPORT")
    void theReadSideFindsFiltersAndPagesIndexedOrders() {
        startCursorsAt(everyOutcome.startedAt());
        indexUntilComplete(indexer(TraceSource.jaeger(jaeger)), everyOutcome);
        JourneyFilter run = JourneyFilter.all().withOrderIdPrefix("ORD-" + everyOutcome.runId() + "-");

        assertThat(journeys.count(run)).isEqualTo(everyOutcome.orders().size());
        assertThat(journeys.count(run.withOutcome(JourneyOutcome.FAILED)))
                .isEqualTo(planned(Outcome.PRICING_ERROR, Outcome.POISON));
        assertThat(journeys.count(run.withOutcome(JourneyOutcome.IN_PROGRESS)))
                .isEqualTo(planned(Outcome.LOST, Outcome.STUCK));
        assertThat(journeys.count(run.withLastStage("crm.publish"))).isEqualTo(planned(Outcome.LOST));
        assertThat(journeys.count(run.withCurrentStatus("MANUFACTURING_APPROVED")))
                .isEqualTo(planned(Outcome.OK, Outcome.SLOW_PRICING, Outcome.MES_DOWN));
        assertThat(journeys.count(run.withErrorsOnly(true))).isEqualTo(planned(Outcome.PRICING_ERROR, Outcome.POISON));
        assertThat(journeys.count(run.firstSeenBetween(everyOutcome.startedAt(), everyOutcome.finishedAt())))
                .isEqualTo(everyOutcome.orders().size());
        assertThat(journeys.count(run.firstSeenBetween(everyOutcome.finishedAt(), null)))
                .isZero();

        List<JourneySummary> pages = new ArrayList<>();
        for (int offset = 0; offset < everyOutcome.orders().size(); offset += 8) {
            pages.addAll(journeys.search(run, offset, 8));
        }
        assertThat(pages)
                .extracting(JourneySummary::orderId)
                .doesNotHaveDuplicates()
                .hasSize(everyOutcome.orders().size());
        assertThat(pages).extracting(JourneySummary::firstSeen).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    @WithMockUser(roles = "DEVELOPER")
    void aLookupReturnsTheWholeJourneyWithErrorsStacktracesAndAttributes() {
        startCursorsAt(everyOutcome.startedAt());
        indexUntilComplete(indexer(TraceSource.jaeger(jaeger)), everyOutcome);
        String failed = everyOutcome.orders().stream()
                .filter(sent -> sent.order().outcome() == Outcome.PRICING_ERROR)
                .findFirst()
                .orElseThrow()
                .order()
                .orderId();

        OrderJourney journey = journeys.findByOrderId(" " + failed + " ").orElseThrow();

        assertThat(journey.errors())
                .anySatisfy(error -> assertThat(error.stacktrace()).contains("\tat "));
        assertThat(journey.stage("mes.price").orElseThrow().attributes()).containsEntry("order.id", failed);
        assertThat(journey.spans())
                .isNotEmpty()
                .allSatisfy(span -> assertThat(span.orderId()).contains(failed));
        assertThat(journeys.findByOrderId("ORD-NOSUCH-000001")).isEmpty();
    }

    @Test
    void theReadSideNeedsASignedInUserAndBackfillsAnAdmin() {
        assertThatThrownBy(() -> journeys.count(JourneyFilter.all()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("support", "n/a", "ROLE_SUPPORT"));
        try {
            assertThatThrownBy(() -> admin.requestBackfill(Instant.now().minusSeconds(60), Instant.now()))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    @WithMockUser(username = "ada", roles = "ADMIN")
    void anAdminsBackfillReadsTheRangeAgainAndLeavesTheCursorsAlone() {
        startCursorsAt(Instant.now().plus(Duration.ofMinutes(10)));
        Map<String, Instant> cursors = new CursorStore(jdbc).all();
        Indexer indexer = indexer(TraceSource.jaeger(jaeger));
        indexer.cycle().runOnce();
        assertThat(journeyRows(everyOutcome))
                .as("cursors ahead of now: regular runs read nothing")
                .isEmpty();

        admin.requestBackfill(everyOutcome.startedAt().minusSeconds(1), Instant.now());
        indexUntilComplete(indexer, everyOutcome);

        BackfillRequest request = admin.backfills(1).getFirst();
        assertThat(request.finished()).isTrue();
        assertThat(request.requestedBy()).isEqualTo("ada");
        assertThat(new CursorStore(jdbc).all()).isEqualTo(cursors);
    }

    @Test
    void aConfiguredBackfillIsQueuedOnceNotAtEveryStart() {
        startCursorsAt(Instant.now());
        IndexProperties.Backfill range =
                new IndexProperties.Backfill(everyOutcome.startedAt(), everyOutcome.finishedAt());

        indexer(TraceSource.jaeger(jaeger), range).cycle().runOnce();
        started.getLast().cycle().release();
        indexer(TraceSource.jaeger(jaeger), range).cycle().runOnce();

        assertThat(jdbc.queryForList("SELECT requested_by FROM indexer_backfill", String.class))
                .containsExactly("configuration");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private Indexer indexer(TraceSource source) {
        return indexer(source, properties.backfill());
    }

    private Indexer indexer(TraceSource source, IndexProperties.Backfill backfill) {
        IndexProperties withOwnLock = new IndexProperties(
                false,
                properties.interval(),
                properties.window(),
                properties.overlap(),
                properties.lag(),
                properties.initialLookback(),
                properties.searchDepth(),
                properties.maxBackoff(),
                properties.retentionDays(),
                properties.partitionsAhead(),
                lockKey,
                backfill);
        Indexer indexer = Indexer.create(
                withOwnLock,
                source,
                jdbc,
                transactions,
                assembler,
                () -> DriverManager.getConnection(
                        dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword()),
                Clock.systemUTC());
        started.add(indexer);
        return indexer;
    }

    private IndexerStatusCheck statusCheck(Indexer indexer) {
        return new IndexerStatusCheck(new IndexerReading(indexer, Duration.ofMinutes(5), Clock.systemUTC()));
    }

    /** The traces the run's stored journeys name: one per order, two where the MES consumer starts a new trace. */
    private int tracesOf(GroundTruth truth) {
        Long traces = jdbc.queryForObject(
                "SELECT sum(cardinality(trace_ids)) FROM order_journey WHERE order_id LIKE ?",
                Long.class,
                "ORD-" + truth.runId() + "-%");
        assertThat(traces)
                .as("the run's journeys are stored")
                .isNotNull()
                .isGreaterThanOrEqualTo(truth.orders().size());
        return Math.toIntExact(traces);
    }

    private long planned(Outcome... outcomes) {
        List<Outcome> wanted = List.of(outcomes);
        return everyOutcome.orders().stream()
                .filter(sent -> wanted.contains(sent.order().outcome()))
                .count();
    }

    private void startCursorsAt(Instant readUntil) {
        CursorStore cursors = new CursorStore(jdbc);
        List.of("shop", "crm", "mes").forEach(service -> cursors.advance(service, readUntil, Instant.now()));
    }

    /** Indexes until every order of the run is as the ground truth says, at most a minute (Jaeger ingests asynchronously). */
    private void indexUntilComplete(Indexer indexer, GroundTruth truth) {
        await().atMost(INDEXING_LIMIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            indexer.cycle().runOnce();
            assertThat(mismatches(truth))
                    .as("orders not indexed as the ground truth says")
                    .isEmpty();
        });
    }

    private List<String> mismatches(GroundTruth truth) {
        StoredJourneys store = new StoredJourneys(jdbc);
        List<String> mismatches = new ArrayList<>();
        for (SentOrder sent : truth.orders()) {
            Optional<OrderJourney> journey = store.find(sent.order().orderId());
            String problem = journey.isPresent() ? problem(sent, journey.get()) : "not indexed";
            if (problem != null) {
                mismatches.add(sent.order().orderId() + " " + sent.order().outcome() + " "
                        + sent.order().consumerStyle().key() + ": " + problem);
            }
        }
        return mismatches;
    }

    private static String problem(SentOrder sent, OrderJourney journey) {
        Outcome outcome = sent.order().outcome();
        String lastStage = journey.lastReachedStage().map(JourneyStage::id).orElse("none");
        if (!lastStage.equals(expectedLastStage(outcome)) || journey.outcome() != expectedOutcome(outcome)) {
            return "reached " + lastStage + " as " + journey.outcome() + ", expected " + expectedLastStage(outcome)
                    + " as " + expectedOutcome(outcome);
        }
        if (!journey.gaps().isEmpty()) {
            return "gaps " + journey.gaps().stream().map(JourneyStage::id).toList();
        }
        if (!journey.traceIds().contains(sent.traceId())) {
            return "trace " + sent.traceId() + " missing from " + journey.traceIds();
        }
        int traces = outcome.reachesMes() && sent.order().consumerStyle() == ConsumerStyle.LINK ? 2 : 1;
        if (journey.traceIds().size() != traces) {
            return journey.traceIds().size() + " traces, expected " + traces;
        }
        return expectedErrorMissing(outcome, journey) ? "expected error not found in " + journey.errors() : null;
    }

    private static boolean expectedErrorMissing(Outcome outcome, OrderJourney journey) {
        return switch (outcome) {
            case PRICING_ERROR ->
                journey.errors().stream()
                        .noneMatch(error -> error.kind() == JourneyError.Kind.EXCEPTION
                                && "mes.price".equals(error.stageId())
                                && error.stacktrace() != null);
            case POISON -> !journey.deadLettered();
            default -> false;
        };
    }

    private static String expectedLastStage(Outcome outcome) {
        return switch (outcome) {
            case OK, SLOW_PRICING, MES_DOWN -> "mes.approve";
            case LOST -> "crm.publish";
            case STUCK -> "crm.process";
            case PRICING_ERROR -> "mes.price";
            case POISON -> "mes.consume";
        };
    }

    private static JourneyOutcome expectedOutcome(Outcome outcome) {
        if (outcome.completes()) {
            return JourneyOutcome.COMPLETED;
        }
        return outcome == Outcome.PRICING_ERROR || outcome == Outcome.POISON
                ? JourneyOutcome.FAILED
                : JourneyOutcome.IN_PROGRESS;
    }

    private void terminateLockHolder() {
        Integer terminated = jdbc.queryForObject("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND classid = 0 AND objid = ? AND objsubid = 1 AND granted""", Integer.class, lockKey);
        assertThat(terminated).as("lock holders terminated").isEqualTo(1);
        // pg_terminate_backend only signals the backend: the lock is free once that process has exited
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND classid = 0 AND objid = ? AND objsubid = 1 AND granted""", Integer.class, lockKey) == 0);
    }

    private List<Map<String, Object>> journeyRows(GroundTruth truth) {
        return jdbc.queryForList(
                "SELECT order_id, first_seen, last_seen, last_stage, outcome, has_error, "
                        + "trace_ids::text, journey::text, indexed_at FROM order_journey WHERE order_id LIKE ? "
                        + "ORDER BY order_id",
                "ORD-" + truth.runId() + "-%");
    }
}
