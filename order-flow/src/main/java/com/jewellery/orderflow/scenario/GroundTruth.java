package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a generator run did, to compare with what the portal finds in the traces: per order the
 * intended outcome, the contract stage where it stops, fails or is slow, and the consumer style.
 */
public record GroundTruth(
        String runId, long seed, String sampling, Instant startedAt, Instant finishedAt, List<SentOrder> orders) {

    /**
     * Objects on one line and arrays one element a line: the only array is the orders, so the file
     * has the run's facts on its first line and each order on a line of its own (easy to grep).
     */
    private static final ObjectWriter WRITER = JsonMapper.shared()
            .writer()
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.NONE)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                    .withArrayIndenter(new DefaultIndenter("", "\n")));

    public GroundTruth {
        orders = List.copyOf(orders);
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson());
    }

    /** The run's facts on the first line, then one line per order. */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("runId", runId);
        document.put("seed", seed);
        document.put("sampling", sampling);
        document.put("startedAt", startedAt.toString());
        document.put("finishedAt", finishedAt.toString());
        document.put("outcomeCounts", outcomeCounts());
        document.put("orders", orders.stream().map(GroundTruth::fields).toList());
        return WRITER.writeValueAsString(document) + "\n";
    }

    private Map<String, Integer> outcomeCounts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        orders.forEach(sent -> counts.merge(sent.order().outcome(), 1, Integer::sum));
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> byName.put(outcome.name(), count));
        return byName;
    }

    private static Map<String, Object> fields(SentOrder sent) {
        PlannedOrder order = sent.order();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", order.orderId());
        fields.put("outcome", order.outcome().name());
        fields.put("stage", order.outcome().stage().id());
        fields.put("completes", order.outcome().completes());
        fields.put("consumerStyle", order.consumerStyle().key());
        fields.put("accepted", sent.accepted());
        fields.put("traceId", sent.traceId());
        fields.put("sampled", sent.sampled());
        return fields;
    }
}
