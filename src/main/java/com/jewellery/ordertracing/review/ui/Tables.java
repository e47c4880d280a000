package com.jewellery.ordertracing.review.ui;

import com.jewellery.ordertracing.review.domain.ReviewRows;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;

/** The review's tables as grids, from the same row model as the PDF ({@link ReviewRows}). */
final class Tables {

    private final CommentEditor.Translator t;

    Tables(CommentEditor.Translator t) {
        this.t = t;
    }

    Grid<List<String>> grid(ReviewRows.Table table) {
        Grid<List<String>> grid = new Grid<>();
        for (int i = 0; i < table.headerKeys().size(); i++) {
            int column = i;
            grid.addColumn(row -> row.get(column))
                    .setHeader(t.get(table.headerKeys().get(i)))
                    .setAutoWidth(true);
        }
        grid.setItems(table.rows());
        return grid;
    }
}
