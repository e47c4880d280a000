package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.OrderPayload;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.Simulation;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a scenario against the shop's HTTP API like a crowd of customers: orders at a steady rate,
 * many in flight at once. MES_DOWN orders are held back and sent together during an MES outage.
 */
public final class ScenarioGenerator {

    private static final int MAX_IN_FLIGHT = 256;
    /** Every so many orders a health check: root spans without order.id, the "other traffic". */
    private static final int HEALTH_CHECK_EVERY = 25;

    private static final Duration MES_WAIT_LIMIT = Duration.ofSeconds(60);
    private static final List<String> METALS = List.of("GOLD_750", "GOLD_585", "SILVER_925", "PLATINUM_950");
    private static final List<String> ITEMS = List.of("ring", "necklace", "bracelet", "earrings", "pendant");
    private static final JsonMapper JSON = JsonMapper.shared();

    private final OrderFlow flow;
    private final double ratePerSecond;
    private final Duration mesDowntime;
    private final int outageSize;
    /** HTTP/1.1: the JDK's HTTP server speaks nothing else, so no upgrade attempt per connection. */
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /** Accepted orders whose message should reach the MES: the yardstick for "queue drained". */
    private final AtomicLong expectedAtMes = new AtomicLong();

    private volatile boolean stopped;
    private Duration sendingTime = Duration.ZERO;
    private Duration outageTime = Duration.ZERO;

    /**
     * @param mesDowntime how long the MES consumer stays down per outage
     * @param outageSize how many MES_DOWN orders one outage collects
     */
    public ScenarioGenerator(OrderFlow flow, double ratePerSecond, Duration mesDowntime, int outageSize) {
        if (ratePerSecond <= 0 || outageSize < 1) {
            throw new IllegalArgumentException("rate and outage size must be positive");
        }
        this.flow = flow;
        this.ratePerSecond = ratePerSecond;
        this.mesDowntime = mesDowntime;
        this.outageSize = outageSize;
    }

    /**
     * Plays a whole plan, waits until the MES has handled every order that reaches it, exports the
     * spans and returns the ground truth.
     */
    public GroundTruth play(ScenarioPlan plan, String sampling) throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        ConcurrentLinkedQueue<SentOrder> sent = new ConcurrentLinkedQueue<>();
        send(plan.orders().iterator(), sent::add);
        awaitMes(flow.mes()::settledCount, "handled");
        flow.flush();
        List<SentOrder> byId = new ArrayList<>(sent);
        byId.sort(Comparator.comparing(order -> order.order().orderId()));
        return new GroundTruth(plan.runId(), plan.seed(), sampling, startedAt, Instant.now(), byId);
    }

    /**
     * Sends the orders at the configured rate and returns when the last one has been answered.
     * {@code onSent} is called from HTTP client threads, once per order.
     */
    public void send(Iterator<PlannedOrder> orders, Consumer<SentOrder> onSent)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        Pacer pacer = new Pacer(ratePerSecond);
        List<PlannedOrder> outage = new ArrayList<>();
        long count = 0;
        while (!stopped && orders.hasNext()) {
            PlannedOrder order = orders.next();
            if (order.outcome() == Outcome.MES_DOWN) {
                outage.add(order);
                if (outage.size() == outageSize) {
                    playOutage(outage, onSent);
                    outage.clear();
                    pacer.restart();
                }
                continue;
            }
            pacer.awaitNextSlot();
            if (++count % HEALTH_CHECK_EVERY == 0) {
                checkHealth();
            }
            sendOrder(order, onSent);
        }
        if (!outage.isEmpty()) {
            playOutage(outage, onSent);
        }
        awaitAnswers();
        sendingTime = sendingTime.plus(Duration.between(start, Instant.now()));
    }

    /** Makes {@link #send} stop taking new orders; those in flight are still answered. */
    public void stop() {
        stopped = true;
    }

    /** Time spent sending so far, from the first order to the last answer, outages included. */
    public Duration sendingTime() {
        return sendingTime;
    }

    /** Time spent in MES outages so far; the rate is kept only between them. */
    public Duration outageTime() {
        return outageTime;
    }

    /**
     * Only the outage's own orders should wait in the queue, so first every earlier message must
     * have reached the MES; then the consumer stops, the orders go in and pile up, and it restarts.
     */
    private void playOutage(List<PlannedOrder> orders, Consumer<SentOrder> onSent)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        awaitAnswers();
        awaitMes(flow.mes()::receivedCount, "received");
        flow.mes().pause();
        try {
            for (PlannedOrder order : orders) {
                sendOrder(order, onSent);
            }
            awaitAnswers();
            Thread.sleep(mesDowntime);
        } finally {
            flow.mes().resume();
        }
        outageTime = outageTime.plus(Duration.between(start, Instant.now()));
    }

    private void sendOrder(PlannedOrder order, Consumer<SentOrder> onSent) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(flow.shopUri().resolve("/orders"))
                .header("Content-Type", "application/json")
                .header(Simulation.HTTP_HEADER, order.simulation().toHeader())
                .POST(HttpRequest.BodyPublishers.ofString(payload(order).toJson()))
                .build();
        inFlight.acquire();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            try {
                SentOrder sent = answer(order, response, error);
                if (sent.accepted() && order.outcome().reachesMes()) {
                    expectedAtMes.incrementAndGet();
                }
                onSent.accept(sent);
            } finally {
                inFlight.release();
            }
        });
    }

    private static SentOrder answer(PlannedOrder order, HttpResponse<String> response, Throwable error) {
        if (error != null || response.statusCode() != 201) {
            System.err.println("The shop refused " + order.orderId() + ": "
                    + (error != null ? error : response.statusCode() + " " + response.body()));
            return SentOrder.refused(order);
        }
        JsonNode receipt = JSON.readTree(response.body());
        return new SentOrder(
                order,
                true,
                receipt.required("traceId").stringValue(),
                receipt.required("sampled").booleanValue());
    }

    /** Varied but repeatable order contents, derived from the order id. */
    private static OrderPayload payload(PlannedOrder order) {
        int hash = order.orderId().hashCode();
        return new OrderPayload(
                order.orderId(),
                "CUST-" + Math.floorMod(hash, 5_000),
                ITEMS.get(Math.floorMod(hash, ITEMS.size())),
                METALS.get(Math.floorMod(hash / 7, METALS.size())),
                2 + Math.floorMod(hash, 300) / 10.0);
    }

    private void checkHealth() {
        HttpRequest request =
                HttpRequest.newBuilder(flow.shopUri().resolve("/health")).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private void awaitAnswers() throws InterruptedException {
        inFlight.acquire(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
    }

    /**
     * Waits, bounded, until an MES counter reaches the number of orders that should reach the MES.
     * Messages left in the queue by an earlier process count too, so this can end early, never late.
     */
    private void awaitMes(LongSupplier counter, String what) throws InterruptedException {
        long expected = expectedAtMes.get();
        long deadline = System.nanoTime() + MES_WAIT_LIMIT.plus(mesDowntime).toNanos();
        while (counter.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                System.err.println("The MES " + what + " " + counter.getAsLong() + " of " + expected
                        + " messages within " + MES_WAIT_LIMIT + "; going on.");
                return;
            }
            Thread.sleep(20);
        }
    }

    /** Spaces sends evenly; after falling behind it catches up rather than losing orders. */
    private static final class Pacer {
        private final long intervalNanos;
        private long next;

        Pacer(double ratePerSecond) {
            this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
            restart();
        }

        void restart() {
            next = System.nanoTime();
        }

        void awaitNextSlot() throws InterruptedException {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += intervalNanos;
        }
    }
}
