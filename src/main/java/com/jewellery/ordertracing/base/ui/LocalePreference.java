package com.jewellery.ordertracing.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The UI language: the browser's by default, the user's choice once made. The choice lives in a cookie
 * so it survives sign-out and a new session.
 */
@Component
public class LocalePreference implements VaadinServiceInitListener {

    public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);
    static final String COOKIE = "portal-locale";
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(
                        init -> chosenLocale(VaadinRequest.getCurrent()).ifPresent(init.getUI()::setLocale));
    }

    /** Switches every open tab of this session to the locale and remembers it in the browser. */
    public static void choose(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent()
                .getPage()
                .executeJs(
                        "document.cookie = $0 + '=' + $1 + ';path=/;max-age=' + $2 + ';samesite=lax'",
                        COOKIE,
                        locale.getLanguage(),
                        ONE_YEAR_SECONDS);
    }

    static Optional<Locale> chosenLocale(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .map(Locale::forLanguageTag)
                .filter(locale ->
                        SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(locale.getLanguage())))
                .findFirst();
    }
}
