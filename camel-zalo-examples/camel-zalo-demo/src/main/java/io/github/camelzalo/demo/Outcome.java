package io.github.camelzalo.demo;

/** What the run did for one customer, one line each in the report. */
public enum Outcome {
    CONSULTATION_TEXT("consultation text sent"),
    TRANSACTION_SCRIPT("transaction script sent"),
    ZNS_FALLBACK("ZNS sent instead"),
    IMAGE("image sent"),
    SKIPPED("skipped"),
    DEAD_LETTER("dead-lettered");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
