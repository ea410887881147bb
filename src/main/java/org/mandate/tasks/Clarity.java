package org.mandate.tasks;

import java.util.List;

/**
 * The five clarities a task needs before it may leave draft, each with the request fields that state it.
 */
public enum Clarity {
    WORK(List.of("title", "description", "solutionGroup")),
    PEOPLE(List.of("leadUnit", "responsiblePerson")),
    RESPONSIBILITY(List.of("approver")),
    TIME(List.of("startOn", "deadline")),
    RESULT(List.of("expectedResult"));

    private final List<String> fields;

    Clarity(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }
}
