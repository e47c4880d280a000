package com.jewellery.orderflow.instrumentation;

/**
 * The scenario generator's instructions for one order: which fault to play and which consumer style
 * the MES uses for it. They travel beside the business data (HTTP header {@value #HTTP_HEADER}, AMQP
 * header {@value #AMQP_HEADER}) so the order payload stays what a real shop would send, and they are
 * never written to spans: the portal must find faults from the traces alone, not read the answer.
 * A real shop, CRM or MES has no such header; without it an order is simply {@link #NONE}.
 */
public record Simulation(Outcome outcome, ConsumerStyle consumerStyle) {

    public static final String HTTP_HEADER = "X-Simulation";
    public static final String AMQP_HEADER = "x-simulation";
    public static final Simulation NONE = new Simulation(Outcome.OK, ConsumerStyle.CONTINUE);

    /** For example {@code outcome=pricing_error;consumer-style=link}. */
    public String toHeader() {
        return "outcome=" + outcome.key() + ";consumer-style=" + consumerStyle.key();
    }

    /** Reads {@link #toHeader()}'s format; a missing header means {@link #NONE}. */
    public static Simulation fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        Outcome outcome = NONE.outcome();
        ConsumerStyle style = NONE.consumerStyle();
        for (String part : header.split(";")) {
            String[] keyAndValue = part.split("=", 2);
            String value = keyAndValue.length == 2 ? keyAndValue[1] : "";
            switch (keyAndValue[0].trim()) {
                case "outcome" -> outcome = Outcome.parse(value);
                case "consumer-style" -> style = ConsumerStyle.parse(value);
                default -> throw new IllegalArgumentException("unknown simulation instruction '" + part + "'");
            }
        }
        return new Simulation(outcome, style);
    }
}
