package io.github.camelzalo.component.zalo.transport;

import io.github.camelzalo.component.zalo.transport.TransportException.Failure;
import org.apache.hc.client5.http.HttpRoute;

/**
 * Tells an answer of the outbound proxy from one of the provider. HttpClient hands a proxy's refusal of a
 * {@code CONNECT} tunnel to the caller as if it were the answer (the call never got its connection, so
 * {@link ConnectedStep} never ran); and a proxy that refuses the credentials of a plain-http call answers 407. Either
 * way the provider never saw the request, and reading the proxy's page as the provider's answer would call it a
 * server error of unknown outcome.
 */
final class ProxyRefusal {

    static final int PROXY_AUTHENTICATION_REQUIRED = 407;
    static final int FORBIDDEN = 403;

    private ProxyRefusal() {
    }

    /** The failure the answer means, or {@code null} when it is the provider's answer. */
    static TransportException of(HttpReply reply, CallControl control) {
        boolean refusedCredentials = reply.status() == PROXY_AUTHENTICATION_REQUIRED;
        if (control.isConnected() && !refusedCredentials) {
            return null;
        }
        HttpRoute route = control.route();
        String proxy = route == null || route.getProxyHost() == null ? "on the way" : route.getProxyHost().toHostString();
        if (refusedCredentials) {
            boolean sentCredentials = control.isProxyCredentialsSent();
            return new TransportException(Failure.PROXY_REFUSED, false, "The proxy " + proxy
                    + (sentCredentials ? " refused the credentials (HTTP 407): check proxyUsername and proxyPassword"
                            : " asks for credentials (HTTP 407): set proxyUsername and proxyPassword"), null);
        }
        if (reply.status() == FORBIDDEN) {
            // the proxy's policy: sending again meets the same refusal
            return new TransportException(Failure.PROXY_REFUSED, false, "The proxy " + proxy + " refused the tunnel to "
                    + (route == null ? "the provider" : route.getTargetHost().toHostString())
                    + " (HTTP 403): it does not let calls through to that host", null);
        }
        // the proxy could not open the tunnel (502, 503, 504): nothing reached the provider, and it may next time
        return new TransportException(Failure.CONNECT, false, "Could not connect: the proxy " + proxy
                + " refused the tunnel to " + (route == null ? "the provider" : route.getTargetHost().toHostString())
                + " (HTTP " + reply.status() + ")", null);
    }
}
