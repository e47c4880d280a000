package com.jewellery.orderflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GroundTruthTest {

    private static final Instant STARTED = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-26T10:00:05.250Z");

    @Test
    void writesRunFactsAndOneEntryPerOrder(@TempDir Path directory) throws Exception {
        GroundTruth truth = new GroundTruth(
                "RUN7",
                42,
                "order-aware sampling, ratio 0.1",
                STARTED,
                FINISHED,
                List.of(
                        new SentOrder(
                                order(1, Outcome.OK, ConsumerStyle.CONTINUE),
                                true,
                                "0af7651916cd43dd8448eb211c80319c",
                                true),
                        new SentOrder(
                                order(2, Outcome.LOST, ConsumerStyle.LINK),
                                true,
                                "4bf92f3577b34da6a3ce929d0e0e4736",
                                false),
                        SentOrder.refused(order(3, Outcome.POISON, ConsumerStyle.CONTINUE))));
        Path file = directory.resolve("nested/ground-truth.json");

        truth.write(file);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(json.get("runId").asString()).isEqualTo("RUN7");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("startedAt").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(json.get("finishedAt").asString()).isEqualTo("2026-11-26T10:00:05.250Z");
        assertThat(json.get("outcomeCounts").get("LOST").asInt()).isEqualTo(1);
        assertThat(json.get("orders")).hasSize(3);

        JsonNode lost = json.get("orders").get(1);
        assertThat(lost.get("orderId").asString()).isEqualTo("ORD-RUN7-000002");
        assertThat(lost.get("outcome").asString()).isEqualTo("LOST");
        assertThat(lost.get("stage").asString()).isEqualTo("rabbitmq.queue");
        assertThat(lost.get("completes").asBoolean()).isFalse();
        assertThat(lost.get("consumerStyle").asString()).isEqualTo("link");
        assertThat(lost.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(lost.get("sampled").asBoolean()).isFalse();

        JsonNode ok = json.get("orders").get(0);
        assertThat(ok.get("stage").asString()).isEqualTo("mes.approve");
        assertThat(ok.get("completes").asBoolean()).isTrue();
        assertThat(json.get("orders").get(2).get("accepted").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "OK,            mes.approve,    true,  true",
        "LOST,          rabbitmq.queue, false, false",
        "STUCK,         crm.publish,    false, false",
        "PRICING_ERROR, mes.price,      false, true",
        "SLOW_PRICING,  mes.price,      true,  true",
        "POISON,        mes.consume,    false, true",
        "MES_DOWN,      rabbitmq.queue, true,  true"
    })
    void namesTheContractStageOfEveryOutcome(Outcome outcome, String stage, boolean completes, boolean reachesMes) {
        assertThat(outcome.stage().id()).isEqualTo(stage);
        assertThat(outcome.completes()).isEqualTo(completes);
        assertThat(outcome.reachesMes()).isEqualTo(reachesMes);
    }

    @Test
    void theTableAboveNamesEveryOutcome() {
        assertThat(Outcome.values()).hasSize(7);
    }

    private static PlannedOrder order(int number, Outcome outcome, ConsumerStyle style) {
        return new PlannedOrder(ScenarioPlan.orderId("RUN7", number), new Simulation(outcome, style));
    }
}
