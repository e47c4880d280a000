package com.jewellery.ordertracing.lost.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.lost.ProblemCount;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Listed orders per last stage (rows) and reason (columns), with totals. */
class ProblemCountsGrid extends Grid<ProblemCountsGrid.StageRow> {

    ProblemCountsGrid() {
        setId("lost-counts");
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(row -> row.totals()
                        ? getTranslation("lost.counts.total")
                        : StageNames.name(this::getTranslation, row.stage()))
                .setHeader(getTranslation("lost.column.lastStage"))
                .setAutoWidth(true);
        for (ProblemReason reason : ProblemReason.values()) {
            addColumn(row -> row.counts().getOrDefault(reason, 0L))
                    .setHeader(getTranslation("lost.reason." + reason.name()))
                    .setAutoWidth(true);
        }
        addColumn(StageRow::total)
                .setHeader(getTranslation("lost.counts.total"))
                .setAutoWidth(true);
    }

    /** Shows the counts, stages in flow order, stages without listed orders left out. */
    void show(List<String> stages, List<ProblemCount> counts) {
        Map<String, Map<ProblemReason, Long>> byStage = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(stages);
        order.add(null);
        order.forEach(stage -> byStage.put(stage, new EnumMap<>(ProblemReason.class)));
        Map<ProblemReason, Long> total = new EnumMap<>(ProblemReason.class);
        counts.forEach(count -> {
            byStage.computeIfAbsent(count.stage(), stage -> new EnumMap<>(ProblemReason.class))
                    .merge(count.reason(), count.count(), Long::sum);
            total.merge(count.reason(), count.count(), Long::sum);
        });
        List<StageRow> rows = new ArrayList<>();
        byStage.forEach((stage, perReason) -> {
            if (!perReason.isEmpty()) {
                rows.add(new StageRow(stage, false, perReason));
            }
        });
        rows.add(new StageRow(null, true, total));
        setItems(rows);
    }

    /** One stage's counts, or the totals row. */
    record StageRow(String stage, boolean totals, Map<ProblemReason, Long> counts) {

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
