package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.LocalTls;
import com.sun.net.httpserver.HttpsServer;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two counting rules end to end, with nothing driven by hand: the scheduler evaluates every second on
 * the real clock and delivers to a real webhook and SMTP server, in English. The test has a schema of its
 * own, so the scheduler sees exactly its orders and rules.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=alert_scheduler_it",
            "spring.flyway.schemas=alert_scheduler_it",
            "spring.mail.port=13026",
            "portal.index.enabled=false",
            "portal.alerts.evaluation-interval=1s",
            "portal.alerts.delivery-interval=1s",
            "portal.alerts.language=en",
            "portal.alerts.error-rate-min-orders=2",
            "portal.alerts.webhook-url=https://127.0.0.1:18096/alerts"
        })
class AlertSchedulerIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup(13026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @Autowired
    private AlertRepository repository;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JsonMapper json;

    private final List<String> webhookTexts = new CopyOnWriteArrayList<>();
    private HttpsServer webhook;
    private JourneyRows rows;
    private List<Long> rules;

    @BeforeEach
    void ordersAndAWebhook() throws Exception {
        webhook = LocalTls.server(18096);
        webhook.createContext("/alerts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            webhookTexts.add(json.readTree(body).get("text").asString());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        rows = new JourneyRows(jdbc, "ORD-AS-");
        Instant now = Instant.now();
        // two orders stuck in the CRM (publishing has a 2 s SLA), one failed and one completed pricing
        rows.insert(rows.open("stuck-1", now.minusSeconds(180), "crm.process", now.minusSeconds(120)));
        rows.insert(rows.open("stuck-2", now.minusSeconds(170), "crm.process", now.minusSeconds(110)));
        rows.insert(rows.failed("priced", now.minusSeconds(160), "mes.price", now.minusSeconds(100), "no rate"));
        rows.insert(rows.completed("done", now.minusSeconds(150), now.minusSeconds(90)));
    }

    @AfterEach
    void cleanUp() {
        webhook.stop(0);
        jdbc.update("DELETE FROM alert_notification");
        jdbc.update("DELETE FROM alert");
        rules.forEach(repository::deleteRule);
        rows.deleteAll();
    }

    @Test
    void stuckCountAndErrorRateRulesFireByThemselvesInEnglish() throws Exception {
        // the migrations' default rules would fire on these orders too: this test watches its own two
        jdbc.update("UPDATE alert_rule SET enabled = false");
        Instant now = Instant.now();
        rules = List.of(
                repository.insertRule(
                        new AlertRuleInput(
                                "CRM backlog", AlertRuleKind.STUCK_COUNT, "crm.process", BigDecimal.ONE, 60, true),
                        now,
                        "it"),
                repository.insertRule(
                        new AlertRuleInput(
                                "Pricing errors",
                                AlertRuleKind.ERROR_RATE,
                                "mes.price",
                                BigDecimal.valueOf(20),
                                60,
                                true),
                        now,
                        "it"));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> webhookTexts.size() >= 2 && MAIL.getReceivedMessages().length >= 2);

        assertThat(webhookTexts)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text)
                        .startsWith("[Order portal] ALERT: CRM backlog")
                        .contains("2 orders stuck or lost at CRM: processing (more than 1, first seen within 60 min)"))
                .anySatisfy(text -> assertThat(text)
                        .startsWith("[Order portal] ALERT: Pricing errors")
                        .contains("Error rate at MES: price calculation is 50.0 % (1 of 2 orders, threshold 20 %,"
                                + " last 60 min)"));
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(AlertSchedulerIT::subject))
                .allMatch(subject -> subject.startsWith("[Order portal] ALERT"))
                .anyMatch(subject -> subject.contains("2 orders stuck or lost at CRM: processing"))
                .anyMatch(subject -> subject.contains("Error rate at MES: price calculation is 50.0 %"));
        assertThat(rules)
                .allSatisfy(rule -> assertThat(repository.openAlerts(rule)).hasSize(1));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
