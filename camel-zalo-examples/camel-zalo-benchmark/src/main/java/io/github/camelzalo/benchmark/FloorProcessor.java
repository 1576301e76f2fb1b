package io.github.camelzalo.benchmark;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * The floor: the least an asynchronous Camel processor can do for this call. Jackson in and out, HttpClient 5
 * async, and the route continues on the I/O thread that read the answer. No validation, no error mapping, no
 * timeout of its own, no hand-off: what the component adds on top of this is its overhead.
 */
final class FloorProcessor extends AsyncProcessorSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = MAPPER.writer();
    private static final ObjectReader READER = MAPPER.readerFor(StatusAnswer.class);

    private final CloseableHttpAsyncClient client;
    private final URI uri;
    private final String authorization;
    private final String oaId;

    FloorProcessor(CloseableHttpAsyncClient client, URI uri, String apiKey, String oaId) {
        this.client = client;
        this.uri = uri;
        this.authorization = "Bearer " + apiKey;
        this.oaId = oaId;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SimpleHttpRequest request;
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("phone_no", exchange.getMessage().getBody(String.class));
            body.put("oa_id", oaId);
            request = SimpleRequestBuilder.post(uri)
                    .setHeader("Authorization", authorization)
                    .setBody(WRITER.writeValueAsBytes(body), ContentType.APPLICATION_JSON)
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
                            exchange.getMessage().setBody(READER.readValue(response.getBodyBytes()));
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
