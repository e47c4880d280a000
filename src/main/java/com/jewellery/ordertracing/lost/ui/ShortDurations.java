package com.jewellery.ordertracing.lost.ui;

import com.jewellery.ordertracing.lost.Durations;
import com.vaadin.flow.component.Component;
import java.time.Duration;

/** {@link Durations#compact} in the units of the component's language. */
final class ShortDurations {

    private ShortDurations() {}

    static String of(Component in, Duration duration) {
        return Durations.compact(
                duration,
                new Durations.Units(
                        in.getTranslation("unit.short.days"),
                        in.getTranslation("unit.short.hours"),
                        in.getTranslation("unit.short.minutes"),
                        in.getTranslation("unit.short.seconds")));
    }
}
