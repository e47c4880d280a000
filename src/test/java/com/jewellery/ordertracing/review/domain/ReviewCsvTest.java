package com.jewellery.ordertracing.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewCsvTest {

    private static final ReviewFigures FIGURES = new ReviewFigures(
            "2026-W48",
            "Europe/Moscow",
            Instant.parse("2026-11-22T21:00:00Z"),
            Instant.parse("2026-11-29T21:00:00Z"),
            new ReviewFigures.Orders(100, 90, 6, 3, 1, 0.9, 0.06, 0.03, 0.01),
            List.of(new ReviewFigures.StageRow(
                    "mes.price",
                    40,
                    1.5,
                    2.0,
                    2.5,
                    200.0,
                    0.98,
                    0.1,
                    0.5,
                    -0.01,
                    List.of(
                            new ReviewFigures.TrendPoint("2026-W47", 10, 1.0, 0.99),
                            new ReviewFigures.TrendPoint("2026-W48", 40, 2.0, 0.98)))),
            List.of("mes.price"),
            List.of(new ReviewFigures.FailureRow(
                    "v1:ab", "mes.price", "=HYPERLINK(\"x\"), no quote", 5, List.of("INC-1", "INC-4"))),
            new ReviewFigures.Incidents(
                    1, 0, 300L, null, List.of(new ReviewFigures.IncidentRow("INC-1", "HIGH", "TRIAGE", 300L, null, 5))),
            List.of(new ReviewFigures.Quality(ReviewFigures.QualityIssue.HOURS_WITHOUT_DATA, 3)));

    @Test
    void everyTableHasItsHeaderAndRows() {
        assertThat(csv(ReviewCsv.Table.ORDERS))
                .isEqualTo("week,entered,completed,failed,lost,stuck,completed_rate,"
                        + "failed_rate,lost_rate,stuck_rate\r\n2026-W48,100,90,6,3,1,0.9,0.06,0.03,0.01\r\n");
        assertThat(csv(ReviewCsv.Table.STAGES))
                .endsWith("2026-W48,mes.price,40,1.5,2.0,2.5,200.0,0.98,0.1,0.5,'-0.01\r\n");
        assertThat(csv(ReviewCsv.Table.TREND).lines())
                .containsExactly(
                        "stage,week,orders,p95_ms,sla_compliance",
                        "mes.price,2026-W47,10,1.0,0.99",
                        "mes.price,2026-W48,40,2.0,0.98");
        assertThat(csv(ReviewCsv.Table.INCIDENTS)).endsWith("2026-W48,INC-1,HIGH,TRIAGE,300,,5\r\n");
        assertThat(csv(ReviewCsv.Table.DATA_QUALITY)).endsWith("2026-W48,HOURS_WITHOUT_DATA,3.0\r\n");
    }

    @Test
    void aSummaryStartingLikeAFormulaStaysText() {
        assertThat(csv(ReviewCsv.Table.FAILURES))
                .endsWith("2026-W48,v1:ab,mes.price,\"'=HYPERLINK(\"\"x\"\"), no quote\",5,INC-1 INC-4\r\n");
    }

    @Test
    void fileNamesNameTheWeekAndTable() {
        assertThat(ReviewCsv.Table.STAGES.fileName("2026-W48")).isEqualTo("weekly-review-2026-W48-stages.csv");
    }

    private static String csv(ReviewCsv.Table table) {
        StringWriter out = new StringWriter();
        ReviewCsv.write(FIGURES, table, out);
        return out.toString();
    }
}
