package com.jewellery.ordertracing.journey;

import java.util.List;

/** A stage catalog that cannot describe a flow; lists every problem found, not just the first. */
public class InvalidStageCatalogException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidStageCatalogException(List<String> problems) {
        super("Invalid journey stage catalog:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
