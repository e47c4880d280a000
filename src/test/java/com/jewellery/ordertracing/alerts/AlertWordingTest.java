package com.jewellery.ordertracing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AlertWordingTest {

    private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");
    private static final AlertText FAILED =
            new AlertText("alerts.text.failedWith", "mes.price", List.of("ORD-7", "No rate for metal 'Pt'"));
    private final AlertRule rule = new AlertRule(
            3, "Failed orders", AlertRuleKind.CRITICAL_ERROR, "mes.price", BigDecimal.ZERO, 60, true, AT, "admin");

    @Test
    void textsAreRenderedInTheConfiguredLanguageWithTheStagesName() {
        assertThat(new AlertWording(Locale.of("ru")).text(FAILED))
                .isEqualTo("Заказ ORD-7 завершился ошибкой на этапе «MES: расчёт цены»: No rate for metal 'Pt'");
        assertThat(AlertWording.english().text(FAILED))
                .isEqualTo("Order ORD-7 failed at MES: price calculation: No rate for metal 'Pt'");
    }

    @Test
    void aLanguageWithoutItsOwnBundleGetsEnglishAndAStageWithoutANameItsId() {
        AlertWording german = new AlertWording(Locale.GERMAN);

        assertThat(german.text(new AlertText("alerts.text.failed", "warehouse.pick", List.of("ORD-8"))))
                .isEqualTo("Order ORD-8 failed at warehouse.pick");
        assertThat(german.format("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void aRussianNotificationSpeaksRussianAndKeepsItsFieldsInCodes() {
        AlertWording russian = new AlertWording(Locale.of("ru"));

        NotificationMessage message = NotificationMessage.of(
                russian,
                AlertEvent.OPENED,
                42,
                rule,
                "ORD-7",
                russian.text(FAILED),
                null,
                AT,
                "https://portal/orders/ORD-7");

        assertThat(message.subject())
                .isEqualTo("[Портал заказов] ТРЕВОГА: Failed orders – Заказ ORD-7 завершился "
                        + "ошибкой на этапе «MES: расчёт цены»: No rate for metal 'Pt'");
        assertThat(message.body())
                .contains("Правило: Failed orders (Сбой заказа, MES: расчёт цены)")
                .contains("С момента: 2026-11-20T12:00:00Z")
                .contains("Подробности: https://portal/orders/ORD-7");
        assertThat(message.fields())
                .containsEntry("kind", "CRITICAL_ERROR")
                .containsEntry("stage", "mes.price")
                .containsEntry("event", "OPENED");
    }
}
