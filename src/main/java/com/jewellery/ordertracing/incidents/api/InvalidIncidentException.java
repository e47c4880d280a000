package com.jewellery.ordertracing.incidents.api;

import com.jewellery.ordertracing.incidents.domain.Problem;
import java.util.List;

/** What was typed cannot be stored; each problem names its field and a translated message. Nothing was changed. */
public class InvalidIncidentException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidIncidentException(List<Problem> problems) {
        super("Invalid incident input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidIncidentException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
