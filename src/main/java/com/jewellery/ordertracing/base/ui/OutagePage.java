package com.jewellery.ordertracing.base.ui;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain page shown when something the portal needs before Vaadin runs (database, identity provider) does
 * not answer: translated like every screen, HTTP 503 with Retry-After, and a refresh to the start page after
 * that long, so the person is let in by itself once the component is back. No script, no style: it passes the
 * portal's Content-Security-Policy as it is.
 */
final class OutagePage {

    private static final String BUNDLE = "vaadin-i18n/translations";

    private OutagePage() {}

    /**
     * @param textKey translation with {0} = the seconds until the next attempt
     * @param reference the log reference of the failure, or null
     */
    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            Duration retryAfter,
            String titleKey,
            String textKey,
            String reference)
            throws IOException {
        Locale locale = locale(request);
        ResourceBundle texts = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        long seconds = Math.max(1, retryAfter.toSeconds());
        String retryUrl = HtmlUtils.htmlEscape(request.getContextPath() + "/");
        // resetBuffer, not reset: the security headers (CSP, frame options) written up front stay on the answer
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String title = text(texts, titleKey);
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"")
                .append(seconds)
                .append(";url=")
                .append(retryUrl)
                .append("\"><title>")
                .append(title)
                .append("</title></head><body id=\"outage\"><h1>")
                .append(title)
                .append("</h1><p id=\"outage-text\">")
                .append(text(texts, textKey, seconds))
                .append("</p><p><a id=\"outage-retry\" href=\"")
                .append(retryUrl)
                .append("\">")
                .append(text(texts, "fault.db.retry"))
                .append("</a></p>");
        if (reference != null) {
            html.append("<p><small>")
                    .append(text(texts, "fault.db.reference", reference))
                    .append("</small></p>");
        }
        response.getWriter().write(html.append("</body></html>").toString());
        response.flushBuffer();
    }

    private static String text(ResourceBundle texts, String key, Object... args) {
        try {
            String pattern = texts.getString(key);
            return HtmlUtils.htmlEscape(
                    args.length == 0 ? pattern : new MessageFormat(pattern, texts.getLocale()).format(args));
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    /** The language chosen in the portal (its cookie), else the browser's first supported one, else English. */
    static Locale locale(HttpServletRequest request) {
        Optional<Locale> chosen = Optional.ofNullable(request.getCookies()).stream()
                .flatMap(Arrays::stream)
                .filter(cookie -> LocalePreference.COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .map(Locale::forLanguageTag)
                .flatMap(locale -> supported(locale).stream())
                .findFirst();
        return chosen.orElseGet(() -> Collections.list(request.getLocales()).stream()
                .flatMap(locale -> supported(locale).stream())
                .findFirst()
                .orElse(Locale.ENGLISH));
    }

    private static Optional<Locale> supported(Locale locale) {
        return LocalePreference.SUPPORTED.stream()
                .filter(s -> s.getLanguage().equals(locale.getLanguage()))
                .findFirst();
    }
}
