package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.review.domain.ReviewSchedule;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weekly review.
 *
 * @param zone          the time zone ISO weeks are cut in
 * @param day           the day of the following week the review is generated on
 * @param time          the time of that day, in {@code zone}
 * @param checkInterval how often each portal instance looks whether a review is due (read by its {@code @Scheduled})
 * @param trendWeeks    how many weeks the trend shows, the reviewed one included
 * @param mailTo        who gets the review by e-mail with its PDF (none: not mailed)
 * @param language      the language of the mail and its PDF ({@code en}, {@code ru})
 * @param pdfFont       a TTF font with Cyrillic the PDF embeds
 */
@ConfigurationProperties("portal.review")
public record ReviewProperties(
        ZoneId zone,
        DayOfWeek day,
        LocalTime time,
        Duration checkInterval,
        Integer trendWeeks,
        List<String> mailTo,
        Locale language,
        Path pdfFont) {

    public ReviewProperties {
        zone = zone == null ? ZoneId.of("Europe/Moscow") : zone;
        day = day == null ? DayOfWeek.MONDAY : day;
        time = time == null ? LocalTime.of(6, 0) : time;
        checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
        trendWeeks = trendWeeks == null ? 6 : trendWeeks;
        if (trendWeeks < 2) {
            throw new IllegalArgumentException(
                    "portal.review.trend-weeks must be at least 2 (this week and the one before)");
        }
        mailTo = mailTo == null
                ? List.of()
                : mailTo.stream()
                        .map(String::strip)
                        .filter(address -> !address.isEmpty())
                        .toList();
        language = language == null ? Locale.ENGLISH : language;
        pdfFont = pdfFont == null ? Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") : pdfFont;
    }

    public ReviewSchedule schedule() {
        return new ReviewSchedule(zone, day, time);
    }
}
