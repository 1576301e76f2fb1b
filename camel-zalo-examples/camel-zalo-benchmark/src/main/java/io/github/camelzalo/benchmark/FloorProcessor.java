package io.github.camelzalo.benchmark;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;

/**
 * The floor: the least an asynchronous Camel processor can do for a call. Jackson in and out, HttpClient 5
 * async, and the route continues on the I/O thread that read the answer. No validation, no error mapping, no
 * timeout of its own, no hand-off, no token management: what the component adds on top of this is its overhead.
 */
final class FloorProcessor extends AsyncProcessorSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private final CloseableHttpAsyncClient client;
    private final URI uri;
    private final String headerName;
    private final String headerValue;
    private final Function<Exchange, Object> body;
    private final ObjectReader reader;

    private FloorProcessor(CloseableHttpAsyncClient client, URI uri, String headerName, String headerValue,
                           Function<Exchange, Object> body, Class<?> answer) {
        this.client = client;
        this.uri = uri;
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.body = body;
        this.reader = MAPPER.readerFor(answer);
    }

    /** CareSoft's user status of the phone number in the body, with the API key as a Bearer token. */
    static FloorProcessor userStatus(CloseableHttpAsyncClient client, URI uri, String apiKey, String oaId) {
        return new FloorProcessor(client, uri, "Authorization", "Bearer " + apiKey, e -> {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("phone_no", e.getMessage().getBody(String.class));
            request.put("oa_id", oaId);
            return request;
        }, StatusAnswer.class);
    }

    /**
     * The official API's consultation message of the body's text to one user, with a fixed access token in the
     * {@code access_token} header: a token that never expires, so the floor refreshes nothing.
     */
    static FloorProcessor oaMessage(CloseableHttpAsyncClient client, URI uri, String accessToken, String userId) {
        return new FloorProcessor(client, uri, "access_token", accessToken,
                e -> ZaloAnswer.textMessage(userId, e.getMessage().getBody(String.class)), ZaloAnswer.class);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SimpleHttpRequest request;
        try {
            request = SimpleRequestBuilder.post(uri)
                    .setHeader(headerName, headerValue)
                    .setBody(WRITER.writeValueAsBytes(body.apply(exchange)), ContentType.APPLICATION_JSON)
                    .build();
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        client.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null,
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        try {
                            if (response.getCode() != 200) {
                                throw new IllegalStateException("HTTP " + response.getCode());
                            }
                            exchange.getMessage().setBody(reader.readValue(response.getBodyBytes()));
                        } catch (Exception e) {
                            exchange.setException(e);
                        }
                        callback.done(false);
                    }

                    @Override
                    public void failed(Exception e) {
                        exchange.setException(e);
                        callback.done(false);
                    }

                    @Override
                    public void cancelled() {
                        exchange.setException(new IllegalStateException("cancelled"));
                        callback.done(false);
                    }
                });
        return false;
    }
}
