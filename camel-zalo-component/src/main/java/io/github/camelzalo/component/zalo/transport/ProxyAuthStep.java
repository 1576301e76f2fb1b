package io.github.camelzalo.component.zalo.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.auth.AuthExchange;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * A step of HttpClient's exec chain before the protocol step: a call that goes through a proxy with credentials
 * carries them from its first request ({@code CONNECT} for https, the request itself for http), as Basic. Waiting
 * for the proxy's challenge instead would send a POST's body twice to the proxy; and since the client keeps no
 * credentials otherwise, a proxy that refuses them answers 407 once, which ends the call (see
 * {@link TransportException.Failure#PROXY_REFUSED}) instead of starting a loop.
 * <p>
 * An http request gets the header here, as a {@link SecretHeader}, which HttpClient's header log masks. The
 * {@code CONNECT} of an https call is made inside HttpClient, which adds the header from the call's proxy
 * {@link AuthExchange} and logs it in full at DEBUG ({@code org.apache.hc.client5.http.headers}); docs/reliability.md
 * says so.
 */
final class ProxyAuthStep implements AsyncExecChainHandler {

    private final ProxyRoutePlanner planner;

    ProxyAuthStep(ProxyRoutePlanner planner) {
        this.planner = planner;
    }

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        HttpHost proxy = scope.route.getProxyHost();
        boolean credentialsSent = false;
        UsernamePasswordCredentials credentials = proxy == null ? null
                : planner.credentials(proxy, scope.route.getTargetHost());
        if (credentials != null && !scope.route.isTunnelled()) {
            if (!request.containsHeader(HttpHeaders.PROXY_AUTHORIZATION)) {
                request.addHeader(new SecretHeader(HttpHeaders.PROXY_AUTHORIZATION, basic(credentials)));
            }
            credentialsSent = true;
        } else if (credentials != null) {
            AuthExchange exchange = scope.clientContext.getAuthExchange(proxy);
            if (exchange.getAuthScheme() == null) {
                BasicScheme basic = new BasicScheme();
                basic.initPreemptive(credentials);
                exchange.select(basic);
            }
            credentialsSent = true;
        }
        if (scope.clientContext.getAttribute(CallControl.ATTRIBUTE) instanceof CallControl control) {
            // so that a refusal can name the proxy, and say whether it refused credentials or wanted some
            control.routed(scope.route, credentialsSent);
        }
        chain.proceed(request, entityProducer, scope, callback);
    }

    private static String basic(UsernamePasswordCredentials credentials) {
        String pair = credentials.getUserName() + ":" + new String(credentials.getUserPassword());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
