package com.jewellery.ordertracing.review.ui;

import com.jewellery.ordertracing.review.CommentConflictException;
import com.jewellery.ordertracing.review.InvalidCommentException;
import com.jewellery.ordertracing.review.ReviewComment;
import com.jewellery.ordertracing.review.ReviewListItem;
import com.jewellery.ordertracing.review.ReviewSection;
import com.jewellery.ordertracing.review.StoredReview;
import com.jewellery.ordertracing.review.WeeklyReviewService;
import com.jewellery.ordertracing.review.domain.CommentRules;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewCsv;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewPdf;
import com.jewellery.ordertracing.review.domain.ReviewRows;
import com.jewellery.ordertracing.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * The weekly review: the weeks with a review, and one week's tables with each section's commentary.
 * Analysts and administrators write the commentary; everyone else reads it.
 */
@Route("review/:week?")
@Menu(order = 50, icon = "vaadin:calendar", title = "menu.review")
@RolesAllowed(Roles.STAFF)
class WeeklyReviewView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final WeeklyReviewService service;
    private final Div content = new Div();

    WeeklyReviewView(WeeklyReviewService service) {
        this.service = service;
        setId("review");
        add(new H2(getTranslation("review.title")), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        Optional<String> typed = event.getRouteParameters().get("week");
        Optional<IsoWeek> week = typed.flatMap(IsoWeek::parse);
        List<ReviewListItem> weeks = service.weeks(52);
        content.add(weekList(weeks));
        if (typed.isPresent() && week.isEmpty()) {
            // not the latest week in its place: the reader asked for another and must see it is not that one
            Paragraph notAWeek = new Paragraph(getTranslation("review.notAWeek", typed.get()));
            notAWeek.setId("review-not-a-week");
            content.add(notAWeek);
            return;
        }
        week.or(() -> weeks.stream().findFirst().flatMap(item -> IsoWeek.parse(item.week())))
                .ifPresentOrElse(this::showWeek, () -> content.add(new Paragraph(getTranslation("review.none"))));
    }

    private HorizontalLayout weekList(List<ReviewListItem> weeks) {
        HorizontalLayout list = new HorizontalLayout();
        list.setId("review-weeks");
        list.getStyle().set("flex-wrap", "wrap");
        weeks.forEach(item -> list.add(new RouterLink(
                item.week(), WeeklyReviewView.class, new com.vaadin.flow.router.RouteParameters("week", item.week()))));
        return list;
    }

    private void showWeek(IsoWeek week) {
        Optional<StoredReview> found = service.latest(week);
        if (found.isEmpty()) {
            content.add(new Paragraph(getTranslation("review.missing", week.toString())));
            return;
        }
        StoredReview review = found.get();
        ReviewFigures figures = review.figures();
        ZoneId zone = ZoneId.of(figures.zone());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        H3 title = new H3(getTranslation(
                "review.week", figures.week(), time.format(figures.from()), time.format(figures.to()), figures.zone()));
        title.setId("review-week");
        content.add(
                title,
                new Paragraph(getTranslation(
                        "review.generated", review.version(), time.format(review.generatedAt()), review.generatedBy())),
                pdfLink(week, review.version()));
        Map<ReviewSection, ReviewComment> comments = service.comments(week);
        Tables tables = new Tables(this::getTranslation);
        content.add(quality(figures));
        section(week, review, ReviewSection.SUMMARY, null, null, comments);
        section(
                week,
                review,
                ReviewSection.ORDERS,
                tables.grid(ReviewRows.orders(figures)),
                ReviewCsv.Table.ORDERS,
                comments);
        section(
                week,
                review,
                ReviewSection.STAGES,
                tables.grid(ReviewRows.stages(figures, this::getTranslation)),
                ReviewCsv.Table.STAGES,
                comments);
        Charts charts = new Charts(this::getTranslation, getLocale());
        charts.stageP95(figures)
                .ifPresent(chart -> content.add(new H4(getTranslation("review.chart.stageP95")), chart));
        charts.trend(figures).ifPresent(chart -> content.add(new H4(getTranslation("review.chart.trend")), chart));
        section(
                week,
                review,
                ReviewSection.FAILURES,
                tables.grid(ReviewRows.failures(figures, this::getTranslation)),
                ReviewCsv.Table.FAILURES,
                comments);
        section(
                week,
                review,
                ReviewSection.INCIDENTS,
                tables.grid(ReviewRows.incidents(figures, this::getTranslation)),
                ReviewCsv.Table.INCIDENTS,
                comments);
    }

    private Div quality(ReviewFigures figures) {
        Div quality = new Div();
        quality.setId("review-quality");
        ReviewRows.quality(figures, this::getTranslation).forEach(line -> quality.add(new Paragraph(line)));
        return quality;
    }

    private void section(
            IsoWeek week,
            StoredReview review,
            ReviewSection section,
            Grid<?> table,
            ReviewCsv.Table csv,
            Map<ReviewSection, ReviewComment> comments) {
        String id = "review-" + section.name().toLowerCase().replace('_', '-');
        H3 heading = new H3(getTranslation("review.section." + section.name()));
        content.add(heading);
        if (table != null) {
            table.setId(id + "-table");
            table.setAllRowsVisible(true);
            content.add(table, csvLink(week, review.version(), csv, id));
        }
        content.add(commentary(
                week,
                section,
                comments.get(section),
                id,
                ZoneId.of(review.figures().zone())));
    }

    private Anchor pdfLink(IsoWeek week, int version) {
        DownloadHandler handler = event -> {
            event.setFileName(ReviewPdf.fileName(week.toString()));
            event.setContentType("application/pdf");
            service.exportPdf(week, version, this::getTranslation, event.getOutputStream());
        };
        Anchor link = new Anchor(handler, getTranslation("review.pdf"));
        link.setId("review-pdf");
        return link;
    }

    private Anchor csvLink(IsoWeek week, int version, ReviewCsv.Table table, String id) {
        DownloadHandler handler = event -> {
            event.setFileName(table.fileName(week.toString()));
            event.setContentType("text/csv; charset=UTF-8");
            service.exportCsv(week, version, table, event.getOutputStream());
        };
        Anchor link = new Anchor(handler, getTranslation("review.csv"));
        link.setId(id + "-csv");
        return link;
    }

    private VerticalLayout commentary(
            IsoWeek week, ReviewSection section, ReviewComment comment, String id, ZoneId zone) {
        return new CommentEditor(comment, id, this::getTranslation, service.canComment(), zone, (text, version) -> {
            try {
                return service.saveComment(week, section, text, version);
            } catch (AccessDeniedException e) {
                throw new CommentEditor.Refused(getTranslation("review.comment.denied"));
            } catch (CommentConflictException e) {
                throw new CommentEditor.Conflict(e.current());
            } catch (InvalidCommentException e) {
                throw new CommentEditor.Refused(
                        e.problem() == CommentRules.Problem.TOO_LONG
                                ? getTranslation("review.comment.tooLong", WeeklyReviewService.MAX_COMMENT)
                                : getTranslation("review.comment.controlCharacters"));
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.review");
    }
}
