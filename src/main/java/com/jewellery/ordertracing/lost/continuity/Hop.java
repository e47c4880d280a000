package com.jewellery.ordertracing.lost.continuity;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.journey.StageKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an order's trace passes from one service to the next: the last stage of one service and the first
 * of the next, in the catalog's order. Derived stages (the queue wait) are left out: they exist only where
 * both sides were traced.
 *
 * @param upstreamStage     the last stage before the hop, e.g. {@code crm.publish}
 * @param upstreamService   its service
 * @param downstreamStage   the first stage after it, e.g. {@code mes.consume}
 * @param downstreamService the service whose traces must continue the upstream ones
 * @param later             the downstream service's stages from {@code downstreamStage} on: any of them seen means
 *                          the order crossed (a stage of a service further on says nothing about this hop)
 */
public record Hop(
        String upstreamStage,
        String upstreamService,
        String downstreamStage,
        String downstreamService,
        List<String> later) {

    public Hop {
        later = List.copyOf(later);
    }

    /** Every hop of the catalog, in flow order. */
    public static List<Hop> of(StageCatalog catalog) {
        List<StageDefinition> traced = catalog.stages().stream()
                .filter(stage -> stage.kind() == StageKind.SPAN)
                .toList();
        List<Hop> hops = new ArrayList<>();
        for (int i = 1; i < traced.size(); i++) {
            StageDefinition before = traced.get(i - 1);
            StageDefinition after = traced.get(i);
            if (!before.service().equals(after.service())) {
                List<String> later = traced.subList(i, traced.size()).stream()
                        .takeWhile(stage -> stage.service().equals(after.service()))
                        .map(StageDefinition::id)
                        .toList();
                hops.add(new Hop(before.id(), before.service(), after.id(), after.service(), later));
            }
        }
        return hops;
    }
}
