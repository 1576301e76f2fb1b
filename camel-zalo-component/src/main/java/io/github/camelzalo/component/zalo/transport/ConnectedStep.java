package io.github.camelzalo.component.zalo.transport;

import java.io.IOException;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * A step of HttpClient's exec chain, right after the connection is made and before the request is written: it
 * tells the call's {@link CallControl} that the call has its connection. Calls that did not come from
 * {@link ZaloHttpTransport} pass through untouched.
 */
final class ConnectedStep implements AsyncExecChainHandler {

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        Object control = scope.clientContext.getAttribute(CallControl.ATTRIBUTE);
        if (control instanceof CallControl c) {
            c.connected(scope.execRuntime);
        }
        chain.proceed(request, entityProducer, scope, callback);
    }
}
