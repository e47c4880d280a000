package com.jewellery.ordertracing.incidents.api;

/** No incident has this key (or the key is not of the form INC-n). */
public class IncidentNotFoundException extends RuntimeException {

    private final String key;

    public IncidentNotFoundException(String key) {
        super("No incident " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
