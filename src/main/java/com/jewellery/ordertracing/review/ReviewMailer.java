package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.alerts.AlertEvent;
import com.jewellery.ordertracing.alerts.AlertWording;
import com.jewellery.ordertracing.alerts.Attachment;
import com.jewellery.ordertracing.alerts.NotificationMessage;
import com.jewellery.ordertracing.alerts.Outbox;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewMail;
import com.jewellery.ordertracing.review.domain.ReviewPdf;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails a review that was just written to {@code portal.review.mail-to}, with its PDF, in
 * {@code portal.review.language}, through the alerts' outbox (retries, several instances): queued in the
 * generation's own transaction, so exactly one mail goes out per written version.
 */
@Component
class ReviewMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewMailer.class);

    private final Outbox outbox;
    private final ReviewStore store;
    private final ReviewProperties properties;

    ReviewMailer(Outbox outbox, ReviewStore store, ReviewProperties properties) {
        this.outbox = outbox;
        this.store = store;
        this.properties = properties;
    }

    /** @return whether the mail was queued (not without recipients or an SMTP server) */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean mail(ReviewFigures figures, int version) {
        if (properties.mailTo().isEmpty()) {
            return false;
        }
        AlertWording wording = new AlertWording(properties.language());
        ReviewPdf.Texts texts = wording::format;
        Map<String, String> comments = new HashMap<>();
        store.comments(figures.week())
                .forEach(comment -> comments.put(comment.section().name(), comment.text()));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            ReviewPdf.write(figures, version, comments, texts, properties.pdfFont(), pdf);
        } catch (RuntimeException e) {
            // the review itself is kept; without its PDF there is nothing worth mailing
            LOG.error(
                    "Weekly review {} v{} is not mailed: its PDF failed: {}", figures.week(), version, e.getMessage());
            return false;
        }
        String link = outbox.portalUrl() + "/review/" + figures.week();
        NotificationMessage message = new NotificationMessage(
                ReviewMail.subject(figures, version, texts),
                ReviewMail.body(figures, version, link, texts),
                Map.of("week", figures.week(), "version", version, "link", link));
        return outbox.sendEmail(
                AlertEvent.WEEKLY_REVIEW,
                message,
                properties.mailTo(),
                List.of(new Attachment(ReviewPdf.fileName(figures.week()), "application/pdf", pdf.toByteArray())));
    }
}
