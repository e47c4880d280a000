package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.LocalTls;
import com.sun.net.httpserver.HttpsServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts delivered to a real HTTP endpoint (the JDK's server) and a real SMTP server (GreenMail), with
 * the webhook down at first: the outbox keeps the notification, retries with backoff, delivers once the
 * endpoint is back, and gives up visibly on an endpoint that stays broken. Times are in a private past
 * hour, so nothing else in the test database is evaluated or delivered.
 */
@IntegrationTest
class AlertDeliveryIT {

    private static final int WEBHOOK_PORT = 18095;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup(13025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    private static final Instant NOW = Instant.parse("2001-05-06T10:00:00Z")
            .plus(Duration.ofMinutes(Math.floorMod(UUID.randomUUID().hashCode(), 60 * 24 * 300)));

    @Autowired
    private AlertEngine engine;

    @Autowired
    private NotificationDispatcher dispatcher;

    @Autowired
    private AlertRepository repository;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JsonMapper json;

    private JourneyRows rows;
    private AlertRule rule;
    private HttpsServer webhook;
    private final AtomicInteger webhookStatus = new AtomicInteger(200);
    private final List<String> webhookBodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void failedOrderAndRule() {
        rows = new JourneyRows(
                jdbc, "ORD-AD" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-");
        rows.insert(rows.failed(
                "1",
                NOW.minus(Duration.ofMinutes(3)),
                "mes.price",
                NOW.minus(Duration.ofMinutes(2)),
                "Pricing failed: no rate for GOLD_750"));
        long id = repository.insertRule(
                new AlertRuleInput(
                        "IT failed pricing " + rows.id(""),
                        AlertRuleKind.CRITICAL_ERROR,
                        "mes.price",
                        BigDecimal.ZERO,
                        60,
                        true),
                NOW,
                "it");
        rule = repository.rule(id).orElseThrow();
    }

    @AfterEach
    void cleanUp() {
        if (webhook != null) {
            webhook.stop(0);
        }
        jdbc.update("DELETE FROM alert WHERE rule_id = ?", rule.id());
        repository.deleteRule(rule.id());
        rows.deleteAll();
    }

    @Test
    void aWebhookOutageIsRetriedUntilDeliveredAndTheResolutionFollows() throws Exception {
        // the webhook is not listening at all: connection refused
        assertThat(engine.evaluate(rule, NOW)).isEqualTo(new AlertEngine.Outcome(1, 0));
        assertThat(dispatcher.deliverDue(NOW))
                .as("e-mail delivered, webhook not")
                .isEqualTo(1);

        MimeMessage opened = single(MAIL.getReceivedMessages());
        // in portal.alerts.language, Russian by default
        assertThat(opened.getSubject())
                .startsWith("[Портал заказов] ТРЕВОГА")
                .contains(rows.id("1"))
                .contains("ошибкой на этапе «MES: расчёт цены»");
        assertThat(opened.getAllRecipients()[0].toString()).isEqualTo("support@jewellery.test");
        assertThat(((String) opened.getContent())).contains("/orders/" + rows.id("1"));
        OutboxNotification waiting = webhookNotification();
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("127.0.0.1:" + WEBHOOK_PORT).contains("unreachable");
        assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));

        assertThat(engine.evaluate(rule, NOW.plusSeconds(30)))
                .as("one notification per problem")
                .isEqualTo(new AlertEngine.Outcome(0, 0));
        assertThat(dispatcher.deliverDue(NOW.plusSeconds(1)))
                .as("not due before its backoff")
                .isZero();

        startWebhook(503);
        assertThat(dispatcher.deliverDue(NOW.plusSeconds(2))).isZero();
        assertThat(webhookNotification().lastError()).contains("HTTP 503");
        assertThat(webhookNotification().nextAttemptAt()).isEqualTo(NOW.plusSeconds(2 + 4));

        webhookStatus.set(200);
        assertThat(dispatcher.deliverDue(NOW.plusSeconds(6))).isEqualTo(1);
        assertThat(webhookNotification().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(webhookNotification().attempts()).isEqualTo(3);
        JsonNode posted = json.readTree(webhookBodies.getLast());
        assertThat(posted.get("text").asString()).contains("ТРЕВОГА").contains(rows.id("1"));
        assertThat(posted.get("alert").get("event").asString()).isEqualTo("OPENED");
        assertThat(posted.get("alert").get("problemKey").asString()).isEqualTo(rows.id("1"));
        assertThat(posted.get("alert").get("kind").asString()).isEqualTo("CRITICAL_ERROR");

        jdbc.update(
                "UPDATE order_journey SET outcome = 'COMPLETED', last_stage = 'mes.approve' WHERE order_id = ?",
                rows.id("1"));
        assertThat(engine.evaluate(rule, NOW.plusSeconds(60))).isEqualTo(new AlertEngine.Outcome(0, 1));
        assertThat(dispatcher.deliverDue(NOW.plusSeconds(60))).isEqualTo(2);
        MAIL.waitForIncomingEmail(5000, 2);
        assertThat(MAIL.getReceivedMessages()[1].getSubject())
                .contains("УСТРАНЕНО")
                .contains(rows.id("1"))
                .contains("(проблема исчезла)");
        assertThat(json.readTree(webhookBodies.getLast())
                        .get("alert")
                        .get("event")
                        .asString())
                .isEqualTo("RESOLVED");
        assertThat(engine.evaluate(rule, NOW.plusSeconds(90))).isEqualTo(new AlertEngine.Outcome(0, 0));
    }

    @Test
    void aWebhookThatStaysBrokenIsGivenUpVisiblyAfterTheLastAttempt() throws Exception {
        startWebhook(500);
        engine.evaluate(rule, NOW);

        Instant at = NOW;
        for (int attempt = 1; attempt <= 5; attempt++) {
            dispatcher.deliverDue(at);
            at = webhookNotification().nextAttemptAt();
        }

        OutboxNotification givenUp = webhookNotification();
        assertThat(givenUp.status()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(givenUp.attempts()).isEqualTo(5);
        assertThat(givenUp.lastError()).contains("HTTP 500").contains("receiver broken");
        assertThat(webhookBodies).hasSize(5);
        assertThat(dispatcher.deliverDue(at.plus(Duration.ofHours(1))))
                .as("never sent again")
                .isZero();
        assertThat(MAIL.getReceivedMessages())
                .as("the other channel is not held up")
                .hasSize(1);
    }

    private OutboxNotification webhookNotification() {
        long alertId = repository.openAlerts(rule.id()).values().stream()
                .findFirst()
                .orElseGet(() -> repository.alertsOfRule(rule.id()).getFirst().id());
        return repository.notificationsOf(alertId).stream()
                .filter(notification -> notification.channel() == ChannelType.WEBHOOK)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private void startWebhook(int status) throws IOException {
        webhookStatus.set(status);
        webhook = LocalTls.server(WEBHOOK_PORT);
        webhook.createContext("/alerts", exchange -> {
            webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (webhookStatus.get() == 200 ? "ok" : "receiver broken").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(webhookStatus.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        webhook.start();
    }

    private static MimeMessage single(MimeMessage[] messages) {
        assertThat(messages).hasSize(1);
        return messages[0];
    }
}
