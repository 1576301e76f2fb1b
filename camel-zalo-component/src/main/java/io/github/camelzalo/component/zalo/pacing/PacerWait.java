package io.github.camelzalo.component.zalo.pacing;

/** A call's wait in a pacer's queue, which the call can give up (its time ran out, it was stopped). */
@FunctionalInterface
public interface PacerWait {

    /** Leaves the queue; the call is told nothing more. Harmless when the wait is over. */
    void cancel();

    /** A wait that is already over. */
    PacerWait NONE = () -> {
    };
}
