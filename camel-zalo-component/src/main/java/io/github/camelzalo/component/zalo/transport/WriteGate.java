package io.github.camelzalo.component.zalo.transport;

import java.util.function.Consumer;

/**
 * Decides when a request whose connection is ready may be written, held at the start of its body: a provider acts
 * on a request once its body is complete, so this is the moment it sees the request, and a rate limit then holds for
 * what the provider sees even when connections (and their TLS handshakes) open slowly. Waiting holds no thread.
 */
@FunctionalInterface
public interface WriteGate {

    /**
     * Asks for the request's turn to be written.
     *
     * @param  go      runs when the request may be written: at once on this thread, or later on another
     * @param  refused runs instead when it never may (the rate limit stopped); the request is then not sent
     * @return         gives up the wait, e.g. because the call timed out; neither callback runs afterwards
     */
    Turn awaitTurn(Runnable go, Consumer<Exception> refused);

    /** A wait for a turn, which can be given up. */
    @FunctionalInterface
    interface Turn {
        void cancel();
    }
}
