package com.jewellery.ordertracing.lost.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.journey.StageCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContinuityRulesTest {

    private static final Set<String> WHOLE = Set.of(
            "shop.create",
            "shop.send",
            "crm.process",
            "crm.publish",
            "rabbitmq.queue",
            "mes.consume",
            "mes.price",
            "mes.approve");
    private static final Set<String> SHOP_AND_CRM = Set.of("shop.create", "shop.send", "crm.process", "crm.publish");
    private static final Set<String> MES_ONLY = Set.of("mes.consume", "mes.price", "mes.approve");

    private final ContinuityRules rules = new ContinuityRules(Hop.of(StageCatalog.defaults()), 0.9, 20);

    @Test
    void theFlowHasTwoHopsShopToCrmAndCrmToMesAcrossTheQueue() {
        assertThat(Hop.of(StageCatalog.defaults()))
                .extracting(hop -> hop.upstreamStage() + ">" + hop.downstreamStage())
                .containsExactly("shop.send>crm.process", "crm.publish>mes.consume");
        assertThat(Hop.of(StageCatalog.defaults()).get(1).later())
                .containsExactly("mes.consume", "mes.price", "mes.approve");
    }

    @Test
    void wholeTracesAndOrdersStillOnTheirWayKeepEveryHopWhole() {
        List<Set<String>> orders = new ArrayList<>(Collections.nCopies(50, WHOLE));
        orders.addAll(Collections.nCopies(10, SHOP_AND_CRM));

        List<HopContinuity> hops = rules.measure(orders);

        assertThat(hops).noneMatch(HopContinuity::broken);
        assertThat(hops.get(1).share()).isEqualTo(1.0);
        assertThat(hops.get(1).upstreamOnly()).isEqualTo(10);
    }

    @Test
    void aConsumerThatStartsItsOwnSampledTraceBreaksTheHopToIt() {
        // ratio 10 %, MES starts a new trace: of 100 orders MES kept, 10 were kept by the CRM too
        List<Set<String>> orders = new ArrayList<>(Collections.nCopies(10, WHOLE));
        orders.addAll(Collections.nCopies(90, MES_ONLY));
        orders.addAll(Collections.nCopies(90, SHOP_AND_CRM));

        List<HopContinuity> hops = rules.measure(orders);

        HopContinuity toMes = hops.get(1);
        assertThat(toMes.broken()).isTrue();
        assertThat(toMes.crossed()).isEqualTo(10);
        assertThat(toMes.downstreamOnly()).isEqualTo(90);
        assertThat(toMes.share()).isEqualTo(0.1);
        assertThat(hops.get(0).broken()).as("shop to CRM continues the context").isFalse();
        assertThat(new TraceContinuity(hops, orders.size(), java.time.Instant.EPOCH).unconfirmedAfter())
                .containsExactly("crm.publish");
    }

    @Test
    void messagesLostAtTheBrokerAreNoBreak() {
        // the LOST fault: published, never delivered; nothing is seen downstream only
        List<Set<String>> orders = new ArrayList<>(Collections.nCopies(40, WHOLE));
        orders.addAll(Collections.nCopies(40, SHOP_AND_CRM));

        assertThat(rules.measure(orders)).noneMatch(HopContinuity::broken);
    }

    @Test
    void tooFewOrdersAfterAHopAreNotJudged() {
        List<Set<String>> orders = new ArrayList<>(Collections.nCopies(1, WHOLE));
        orders.addAll(Collections.nCopies(18, MES_ONLY));

        assertThat(rules.measure(orders).get(1).broken()).isFalse();
        orders.add(MES_ONLY);
        assertThat(rules.measure(orders).get(1).broken()).isTrue();
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new ContinuityRules(List.of(), 1.5, 20)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new ContinuityRules(List.of(), 0.9, 0)).hasMessageContaining("at least 1");
    }
}
