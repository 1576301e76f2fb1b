package io.github.camelzalo.component.zalo.transport;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecRuntime;

/**
 * What the transport keeps of one call inside HttpClient, handed over by {@link ConnectedStep} once the call has its
 * connection: so that a call given up (at its deadline, or because the component stops) closes that connection
 * itself, whatever the server keeps sending. Cancelling HttpClient's future alone left the connection leased
 * while a server sent {@code 100 Continue} after {@code 100 Continue}.
 */
final class CallControl {

    /** The context attribute under which HttpClient's exec chain finds a call's control. */
    static final String ATTRIBUTE = CallControl.class.getName();

    private volatile AsyncExecRuntime runtime;
    private volatile boolean givenUp;
    private volatile HttpRoute route;
    private volatile boolean proxyCredentialsSent;

    /** The call's route is known (set only where a proxy may be involved), and whether it carries proxy credentials. */
    void routed(HttpRoute route, boolean proxyCredentialsSent) {
        this.route = route;
        this.proxyCredentialsSent = proxyCredentialsSent;
    }

    /** The call's route, when {@link #routed} was told it; else {@code null}. */
    HttpRoute route() {
        return route;
    }

    boolean isProxyCredentialsSent() {
        return proxyCredentialsSent;
    }

    /** Whether the call has its connection (it may still be waiting for one). */
    boolean isConnected() {
        return runtime != null;
    }

    /** The call has its connection; given up already, it is closed at once. */
    void connected(AsyncExecRuntime runtime) {
        this.runtime = runtime;
        if (givenUp) {
            runtime.discardEndpoint();
        }
    }

    /** The call is over for the transport: its connection, if it has one, is closed and leaves the pool. */
    void giveUp() {
        givenUp = true;
        AsyncExecRuntime r = runtime;
        if (r != null) {
            // idempotent, and a no-op once the connection went back to the pool after a complete answer
            r.discardEndpoint();
        }
    }

    boolean isGivenUp() {
        return givenUp;
    }
}
