package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyMeasurementsTest {

    @Test
    void allTellsEveryListenerInTurnAndLetsEachCatchUp() {
        List<String> heard = new ArrayList<>();
        JourneyMeasurements all =
                JourneyMeasurements.all(List.of(listener("analytics", 3, heard), listener("links", 2, heard)));

        all.saved(List.of());
        int caughtUp = all.catchUp();

        assertThat(heard).containsExactly("analytics saved", "links saved", "analytics caught up", "links caught up");
        assertThat(caughtUp).isEqualTo(5);
    }

    private static JourneyMeasurements listener(String name, int behind, List<String> heard) {
        return new JourneyMeasurements() {
            @Override
            public void saved(List<Saved> journeys) {
                heard.add(name + " saved");
            }

            @Override
            public int catchUp() {
                heard.add(name + " caught up");
                return behind;
            }
        };
    }
}
