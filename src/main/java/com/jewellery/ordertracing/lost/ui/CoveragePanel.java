package com.jewellery.ordertracing.lost.ui;

import com.jewellery.ordertracing.base.StageNames;
import com.jewellery.ordertracing.lost.SamplingCoverage;
import com.jewellery.ordertracing.lost.StageCoverage;
import com.jewellery.ordertracing.lost.continuity.HopContinuity;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;

/**
 * What share of orders Jaeger shows at each stage, and a warning when the flow's sampling or lost spans
 * make orders invisible: the list can only show what was traced.
 */
class CoveragePanel extends Details {

    private final Grid<StageCoverage> grid = new Grid<>();
    private final Div notes = new Div();

    CoveragePanel() {
        setId("lost-coverage");
        setSummaryText(getTranslation("lost.coverage.title"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(row -> StageNames.name(this::getTranslation, row.stage()))
                .setHeader(getTranslation("lost.column.stage"))
                .setAutoWidth(true);
        grid.addColumn(StageCoverage::reached)
                .setHeader(getTranslation("lost.coverage.orders"))
                .setAutoWidth(true);
        grid.addColumn(row -> String.format(Locale.ROOT, "%.1f %%", row.share() * 100))
                .setHeader(getTranslation("lost.coverage.share"))
                .setAutoWidth(true);
        add(notes, grid);
    }

    private Paragraph hopNote(HopContinuity hop) {
        String share = String.format(Locale.ROOT, "%.0f", hop.share() * 100);
        Paragraph note = hop.broken()
                ? new Paragraph(getTranslation(
                        "lost.coverage.hopBroken",
                        hop.hop().upstreamService(),
                        hop.hop().downstreamService(),
                        share,
                        hop.knownCrossings(),
                        StageNames.name(this::getTranslation, hop.hop().upstreamStage())))
                : new Paragraph(getTranslation(
                        "lost.coverage.hop",
                        hop.hop().upstreamService(),
                        hop.hop().downstreamService(),
                        share,
                        hop.knownCrossings()));
        note.addClassName(hop.broken() ? "continuity-broken" : "continuity");
        if (hop.broken()) {
            note.addClassName("sampling-warning");
        }
        return note;
    }

    void show(SamplingCoverage coverage) {
        grid.setItems(coverage.stages());
        notes.removeAll();
        notes.add(new Paragraph(
                getTranslation("lost.coverage.basis", coverage.orders(), ShortDurations.of(this, coverage.window()))));
        if (coverage.ratioSampling()) {
            Paragraph warning = new Paragraph(getTranslation(
                    "lost.coverage.ratioSampling",
                    String.format(Locale.ROOT, "%.0f %%", coverage.samplingRatio() * 100)));
            warning.setId("lost-sampling-warning");
            warning.addClassName("sampling-warning");
            notes.add(warning);
            setOpened(true);
        }
        for (HopContinuity hop : coverage.continuity().hops()) {
            notes.add(hopNote(hop));
            if (hop.broken()) {
                setOpened(true);
            }
        }
        if (!coverage.continuity().broken().isEmpty()) {
            notes.add(new Paragraph(getTranslation("lost.coverage.unconfirmed")));
        }
        if (coverage.stages().stream().anyMatch(stage -> stage.share() > 1.0)) {
            notes.add(new Paragraph(getTranslation("lost.coverage.gaps")));
            setOpened(true);
        }
    }
}
