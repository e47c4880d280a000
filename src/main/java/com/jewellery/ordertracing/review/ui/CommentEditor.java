package com.jewellery.ordertracing.review.ui;

import com.jewellery.ordertracing.review.ReviewComment;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;

/**
 * One section's commentary: read-only text for readers, a text area and save for analysts. A save over
 * someone else's newer text keeps what was typed and says who changed it when; the next save then
 * overwrites knowingly (it carries their version).
 */
class CommentEditor extends VerticalLayout {

    /** Saving was refused with a translated reason. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Someone else saved first. */
    static class Conflict extends RuntimeException {
        private final transient ReviewComment current;

        Conflict(ReviewComment current) {
            super("conflict");
            this.current = current;
        }
    }

    interface Translator {
        String get(String key, Object... parameters);
    }

    private final DateTimeFormatter time;
    private long version;

    /** @param zone the review's zone, the one its week and generation time are shown in */
    CommentEditor(
            ReviewComment comment,
            String id,
            Translator t,
            boolean editable,
            ZoneId zone,
            BiFunction<String, Long, ReviewComment> save) {
        setPadding(false);
        time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        version = comment.version();
        Paragraph status = new Paragraph(saved(comment, t));
        status.setId(id + "-comment-status");
        if (!editable) {
            Paragraph text = new Paragraph(comment.text().isEmpty() ? t.get("review.comment.empty") : comment.text());
            text.setId(id + "-comment-text");
            text.getStyle().set("white-space", "pre-wrap");
            add(text, status);
            return;
        }
        TextArea area = new TextArea(t.get("review.comment.label"));
        area.setId(id + "-comment");
        area.setWidthFull();
        area.setValue(comment.text());
        Button button = new Button(t.get("review.comment.save"));
        button.setId(id + "-comment-save");
        button.addClickListener(click -> {
            try {
                ReviewComment stored = save.apply(area.getValue(), version);
                version = stored.version();
                area.setInvalid(false);
                status.setText(saved(stored, t));
            } catch (Conflict conflict) {
                // keep the typed text; the next save carries their version and so overwrites knowingly
                version = conflict.current.version();
                area.setErrorMessage(t.get(
                        "review.comment.conflict",
                        conflict.current.updatedBy(),
                        time.format(conflict.current.updatedAt()),
                        conflict.current.text()));
                area.setInvalid(true);
            } catch (Refused refused) {
                area.setErrorMessage(refused.getMessage());
                area.setInvalid(true);
            }
        });
        add(area, button, status);
    }

    private String saved(ReviewComment comment, Translator t) {
        return comment.updatedAt() == null
                ? ""
                : t.get("review.comment.saved", comment.updatedBy(), time.format(comment.updatedAt()));
    }
}
