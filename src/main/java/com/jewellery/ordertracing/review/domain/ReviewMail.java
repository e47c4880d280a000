package com.jewellery.ordertracing.review.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The text of the mail a review is sent with: the headline figures and the data-quality line; the PDF has the rest. */
public final class ReviewMail {

    private ReviewMail() {}

    public static String subject(ReviewFigures figures, int version, ReviewPdf.Texts t) {
        return t.get("review.mail.subject", figures.week(), version);
    }

    public static String body(ReviewFigures f, int version, String link, ReviewPdf.Texts t) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(f.zone()));
        StringBuilder body = new StringBuilder()
                .append(t.get("review.week", f.week(), time.format(f.from()), time.format(f.to()), f.zone()))
                .append('\n');
        ReviewFigures.Orders o = f.orders();
        body.append(t.get("review.mail.orders", o.entered(), o.completed(), o.failed(), o.lost(), o.stuck()))
                .append('\n');
        for (String line : ReviewRows.quality(f, t)) {
            body.append(line).append('\n');
        }
        return body.append('\n')
                .append(t.get("review.mail.attached", ReviewPdf.fileName(f.week()), version))
                .append('\n')
                .append(t.get("review.mail.link", link))
                .append('\n')
                .toString();
    }
}
