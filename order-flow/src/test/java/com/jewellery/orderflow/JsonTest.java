package com.jewellery.orderflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBackAFlatObject() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 ring");
        fields.put("number", 12.5);
        fields.put("yes", true);
        fields.put("nothing", null);

        String json = Json.object(fields);

        assertThat(Json.parseObject(json)).isEqualTo(fields);
    }

    @Test
    void rejectsWhatIsNotAFlatObject() {
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("orderId=ORD-1;metal=GOLD_750"))
                .withMessageContaining("at character 0");
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("{\"a\":\"open"));
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("{\"a\":1} tail"));
        assertThatIllegalArgumentException().isThrownBy(() -> Json.parseObject("{\"a\":[1]}"));
    }
}
