package io.github.camelzalo.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;

/**
 * A fast stand-in for CareSoft's user-status API and the official Zalo API's consultation message and token
 * endpoints on 127.0.0.1: an HttpCore 5 async HTTP/1.1 server that discards the request body and answers every POST
 * with the documents' success JSON ({@code /openapi/…} a Zalo message, {@code /oauth/…} a token pair, anything else
 * CareSoft's user status). Run as a process of its own by
 * {@link Benchmark}, so that the benchmark's CPU figures are the client's alone; it prints {@code PORT <n>} and
 * exits when its standard input closes (when the benchmark ends, however it ends).
 */
public final class StubServer implements AutoCloseable {

    static final String USER_STATUS_ANSWER = """
            {"code":"ok","data":{"user_id":"631292","username":"Nguyễn Trọng Nghĩa","zalo_psid":"8941234567136201",\
            "following_status":true,"last_user_activity_time":"2023-08-03 16:32:40",\
            "can_send_consultation_message":true,"consultation_message_expired_time":"2023-08-10 16:32:40",\
            "consultation_message_free_remain":10,"can_send_transaction_message":true,\
            "can_send_promotion_message":true,"can_call_zcc_by_phone":false,"can_call_zcc_by_zalo_id":true,\
            "can_send_zns":true}}""";

    static final String ZALO_USER = "8941234567136201";
    static final String ZALO_MESSAGE_ID = "a3f9b1c2d4e5f60718293a4b5c6d7e8f";
    static final String ZALO_MESSAGE_ANSWER = "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\""
                                              + ZALO_MESSAGE_ID + "\",\"user_id\":\"" + ZALO_USER + "\",\"quota\":"
                                              + "{\"quota_type\":\"reply\",\"remain\":\"7\",\"total\":\"8\","
                                              + "\"owner_type\":\"OA\",\"owner_id\":\"1600190000752846\"}}}";
    static final String ZALO_ACCESS_TOKEN = "benchmark-access-token";
    /** Zalo's token endpoint: every refresh gets the same long-lived pair (the benchmark refreshes once). */
    static final String ZALO_TOKEN_ANSWER = "{\"access_token\":\"" + ZALO_ACCESS_TOKEN + "\",\"refresh_token\":"
                                            + "\"benchmark-refresh-token-2\",\"expires_in\":\"90000\"}";

    private final HttpAsyncServer server;
    private final int port;

    private StubServer(int ioThreads) throws Exception {
        byte[] answer = USER_STATUS_ANSWER.getBytes(StandardCharsets.UTF_8);
        byte[] zaloMessage = ZALO_MESSAGE_ANSWER.getBytes(StandardCharsets.UTF_8);
        byte[] zaloToken = ZALO_TOKEN_ANSWER.getBytes(StandardCharsets.UTF_8);
        server = AsyncServerBootstrap.bootstrap()
                .setCanonicalHostName("127.0.0.1")
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads).build())
                .register("*", new AsyncServerRequestHandler<Message<HttpRequest, Void>>() {
                    @Override
                    public AsyncRequestConsumer<Message<HttpRequest, Void>> prepare(HttpRequest request,
                            EntityDetails entityDetails, HttpContext context) {
                        return new BasicRequestConsumer<>(entityDetails == null ? null : new DiscardingEntityConsumer<>());
                    }

                    @Override
                    public void handle(Message<HttpRequest, Void> request, ResponseTrigger trigger, HttpContext context)
                            throws org.apache.hc.core5.http.HttpException, IOException {
                        String path = request.getHead().getPath();
                        byte[] body = path.startsWith("/openapi/") ? zaloMessage
                                : path.startsWith("/oauth/") ? zaloToken : answer;
                        trigger.submitResponse(new BasicResponseProducer(200,
                                new BasicAsyncEntityProducer(body, ContentType.APPLICATION_JSON)), context);
                    }
                })
                .create();
        server.start();
        ListenerEndpoint endpoint = server.listen(new InetSocketAddress("127.0.0.1", 0), URIScheme.HTTP).get();
        port = ((InetSocketAddress) endpoint.getAddress()).getPort();
    }

    static StubServer start(int ioThreads) throws Exception {
        return new StubServer(ioThreads);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
    }

    /** {@code StubServer [ioThreads]}: serves until standard input closes. */
    public static void main(String[] args) throws Exception {
        int ioThreads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        try (StubServer stub = start(ioThreads)) {
            System.out.println("PORT " + stub.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // nothing to read: the line only ends when the parent goes
            }
            stub.server.initiateShutdown();
            stub.server.awaitShutdown(org.apache.hc.core5.util.TimeValue.of(1, TimeUnit.SECONDS));
        }
    }
}
