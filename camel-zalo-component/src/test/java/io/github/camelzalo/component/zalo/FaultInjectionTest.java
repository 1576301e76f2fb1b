package io.github.camelzalo.component.zalo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.camelzalo.component.zalo.FaultServer.Fault;
import io.github.camelzalo.component.zalo.model.SendMessageResult;
import io.github.camelzalo.component.zalo.pacing.AccountPacer;
import io.github.camelzalo.component.zalo.transport.HttpClients;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelzalo.component.zalo.ZaloErrorKind.BAD_RESPONSE;
import static io.github.camelzalo.component.zalo.ZaloErrorKind.IO_ERROR;
import static io.github.camelzalo.component.zalo.ZaloErrorKind.RATE_LIMITED;
import static io.github.camelzalo.component.zalo.ZaloErrorKind.RESPONSE_TOO_LARGE;
import static io.github.camelzalo.component.zalo.ZaloErrorKind.SERVER_ERROR;
import static io.github.camelzalo.component.zalo.ZaloErrorKind.TIMEOUT;
import static io.github.camelzalo.component.zalo.ZaloErrorKind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault of a provider or the network, on {@code zalo:send} (the operation where a wrong retry decision sends a
 * customer the same message twice). For each: the exchange completes within the request timeout with the
 * documented {@link ZaloApiException}, the connection pool has no connection leased afterwards, and the very next
 * message on the same endpoint succeeds.
 */
class FaultInjectionTest extends FaultServerTestSupport {

    /** Short, so that the timeout faults cost little; every bound below is generous relative to it. */
    private static final int REQUEST_TIMEOUT = 500;
    /** Room for a loaded 2-core machine; still far below how long the slow faults would take unbounded (10 s+). */
    private static final int SLACK = 3_000;


    private PoolingAsyncClientConnectionManager pool;
    private CloseableHttpAsyncClient client;

    /** The paced 429s below make the pacer warn, on purpose: kept out of the console, and checked. */
    @RegisterExtension
    final CapturedLog pacerLog = CapturedLog.of(AccountPacer.class);

    @Override
    protected void configure(ZaloComponent zalo) {
        pointAtFaultServer(zalo);
        zalo.getConfiguration().setRequestTimeout(REQUEST_TIMEOUT);
        zalo.getConfiguration().setConnectTimeout(REQUEST_TIMEOUT);
        zalo.setMaxResponseSize(64 * 1024);
        // the component's own client configuration, over a pool whose statistics the test can read
        pool = HttpClients.connectionManager(10, null);
        client = HttpClients.create(pool);
        zalo.setHttpClient(client);
    }

    @AfterEach
    void closeClient() {
        // the component never closes a client it was given
        client.close(CloseMode.IMMEDIATE);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                // fault, kind, HTTP status, retryable for a send, Retry-After
                row(Fault.RESET_AFTER_READ, IO_ERROR, 0, false, null),
                row(Fault.NO_RESPONSE, TIMEOUT, 0, false, null),
                row(Fault.TRICKLE, TIMEOUT, 0, false, null),
                row(Fault.STALLED_BODY, TIMEOUT, 0, false, null),
                // NOTE for the lead: once ZaloProducer resends 429s itself, configure those resends to 0 here;
                // this row states what one 429 means to a route
                row(Fault.TOO_MANY_REQUESTS_RETRY_AFTER, RATE_LIMITED, 429, true, Duration.ofSeconds(1)),
                row(Fault.TOO_MANY_REQUESTS, RATE_LIMITED, 429, true, null),
                row(Fault.LOCKED_OUT, ZaloErrorKind.LOCKED_OUT, 404, true, Duration.ofMinutes(15)),
                row(Fault.INTERNAL_ERROR, SERVER_ERROR, 500, false, null),
                row(Fault.BAD_GATEWAY, SERVER_ERROR, 502, false, null),
                row(Fault.UNAVAILABLE, UNAVAILABLE, 503, true, null),
                row(Fault.GATEWAY_TIMEOUT, SERVER_ERROR, 504, false, null),
                row(Fault.HTML_PAGE, SERVER_ERROR, 502, false, null),
                row(Fault.EMPTY_BODY, BAD_RESPONSE, 200, false, null),
                row(Fault.INVALID_JSON, BAD_RESPONSE, 200, false, null),
                row(Fault.HUGE_BODY, RESPONSE_TOO_LARGE, 0, false, null),
                row(Fault.HUGE_BODY_CHUNKED, RESPONSE_TOO_LARGE, 0, false, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultEndsInItsDocumentedException(Fault fault, ZaloErrorKind kind, int status, boolean retryable,
                                               Duration retryAfter) {
        server.next(fault);

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(kind);
        assertThat(e.getHttpStatus()).isEqualTo(status);
        assertThat(e.isRetryable()).as("retryable").isEqualTo(retryable);
        assertThat(e.mayHaveBeenProcessed()).as("outcome unknown").isEqualTo(fault.processed);
        assertThat(e.getRetryAfter()).isEqualTo(retryAfter);
        assertThat(e.getProvider()).isEqualTo("caresoft");
        assertThat(e.getOperation()).isEqualTo("send");
        assertThat(e.getErrorMessage()).isNotBlank();
        assertThat(server.processedCount(1)).as("requests the provider acted on").isEqualTo(fault.processed ? 1 : 0);
        assertNoLeasedConnections(pool);
        assertTheNextMessageSucceeds();
    }

    @Test
    void aTrickleFailsAtTheRequestTimeoutNotWhenTheBodyEnds() {
        server.next(Fault.TRICKLE);

        long start = System.nanoTime();
        ZaloApiException e = failedSend(1);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.getKind()).isEqualTo(TIMEOUT);
        assertThat(e.getErrorMessage()).contains(REQUEST_TIMEOUT + " ms");
        // the body would take about 10 s; each byte arrives well within any idle timeout
        assertThat(millis).isGreaterThanOrEqualTo(REQUEST_TIMEOUT - 50).isLessThan(REQUEST_TIMEOUT + SLACK);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "HUGE_BODY", "HUGE_BODY_CHUNKED" })
    void aHugeAnswerIsRefusedWithoutReadingIt(Fault fault) {
        server.next(fault);

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(RESPONSE_TOO_LARGE);
        assertThat(e.getErrorMessage()).contains("65536");
        // the client stopped reading and dropped the connection, so the server could not write all 20 MB: what
        // it did write sits in socket buffers, a few MB at most, never in the component's memory
        long written = awaitHugeBodyWritten();
        assertThat(written).isLessThan(FaultServer.HUGE_SIZE / 2);
        assertNoLeasedConnections(pool);
        assertTheNextMessageSucceeds();
    }

    @Test
    void unknownExtraFieldsInTheAnswerStillSucceed() {
        server.next(Fault.EXTRA_FIELDS);

        Exchange out = send(1);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(SendMessageResult.class).getCode()).isEqualTo("ok");
        assertNoLeasedConnections(pool);
        assertTheNextMessageSucceeds();
    }

    @Test
    void aRefusedConnectionWasNeverSentSoItIsRetryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String uri = "zalo:send?baseUrl=http://127.0.0.1:" + port + "/acme";

        ZaloApiException e = failedSend(uri, 1);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.CONNECT_FAILED);
        assertThat(e.getHttpStatus()).isZero();
        assertThat(e.isRetryable()).isTrue();
        assertNoLeasedConnections(pool);
        // the provider comes back on the same address: the same endpoint works again
        try (FaultServer back = new FaultServer(port)) {
            Exchange next = send(uri, 2);
            assertThat(next.getException()).isNull();
            assertThat(back.processedCount(2)).isEqualTo(1);
        }
        assertNoLeasedConnections(pool);
    }

    /**
     * A reset before the server read anything. On a new plain-HTTP connection this races the client's first write:
     * when the reset arrives first, or the write itself fails, the component knows the request was not delivered
     * and says retryable; when the write was accepted by the kernel before the reset, it cannot know whether the
     * server read it and says not retryable. Either answer is safe. The deterministic "reset before the request
     * went out" is the reset during the TLS handshake in {@link TlsTest}.
     */
    @Test
    void aResetBeforeTheServerReadsIsAnIoErrorAndNeverADuplicate() {
        for (int i = 0; i < 5; i++) {
            server.next(Fault.RESET_BEFORE_READ);

            ZaloApiException e = failedSend(100 + i);

            assertThat(e.getKind()).isEqualTo(IO_ERROR);
            assertThat(e.getHttpStatus()).isZero();
            assertNoLeasedConnections(pool);
            assertTheNextMessageSucceeds();
        }
        assertThat(server.processed.keySet()).noneMatch(id -> id >= 100 && id < 105);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "RESET_AFTER_READ", "NO_RESPONSE", "BAD_GATEWAY", "INTERNAL_ERROR",
            "GATEWAY_TIMEOUT", "INVALID_JSON" })
    void anUnknownOutcomeIsRetryableOnlyWhenTheEndpointOptsIn(Fault fault) {
        server.next(fault);

        ZaloApiException e = failedSend("zalo:send?retryUnknownOutcome=true", 1);

        assertThat(e.isRetryable()).isTrue();
        assertNoLeasedConnections(pool);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "RESET_AFTER_READ", "NO_RESPONSE", "BAD_GATEWAY", "GATEWAY_TIMEOUT",
            "TOO_MANY_REQUESTS", "UNAVAILABLE" })
    void userStatusOnlyReadsSoEveryTransientFailureIsRetryable(Fault fault) {
        server.next(fault);

        Exchange out = call("zalo:userStatus", "0981234980");

        assertThat(out.getException()).isInstanceOf(ZaloApiException.class);
        assertThat(((ZaloApiException) out.getException()).isRetryable()).isTrue();
        assertNoLeasedConnections(pool);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "HUGE_BODY", "EMPTY_BODY" })
    void eTelecomFaultsEndTheSameWay(Fault fault) {
        server.next(fault);

        Exchange out = call("zalo:sendImage", null, ZaloConstants.USER_ID, "42", ZaloConstants.IMAGE_URL,
                "https://img.example.vn/a.png");

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getProvider()).isEqualTo("etelecom");
        assertThat(e.getKind()).isEqualTo(fault == Fault.HUGE_BODY ? RESPONSE_TOO_LARGE : BAD_RESPONSE);
        assertThat(e.isRetryable()).isFalse();
        assertNoLeasedConnections(pool);
    }

    static Stream<Arguments> hugeRetryAfters() {
        String unavailable = "{\"code\":\"errors\",\"message\":\"Service Unavailable\"}";
        String tooMany = "{\"code\":\"errors\",\"message\":\"Too Many Attempts.\"}";
        String lockedOut = "{\"code\":\"errors\",\"message\":\"Domain incorrect too many times , retry after 15"
                           + " minutes \"}";
        Stream.Builder<Arguments> rows = Stream.builder();
        for (String retryAfter : new String[] { "9300000000000000", "999999999", "99999999999999999999999",
                "Fri, 31 Dec 9999 23:59:59 GMT" }) {
            for (boolean paced : new boolean[] { false, true }) {
                rows.add(Arguments.of(503, unavailable, UNAVAILABLE, retryAfter, paced));
                rows.add(Arguments.of(429, tooMany, RATE_LIMITED, retryAfter, paced));
                rows.add(Arguments.of(404, lockedOut, ZaloErrorKind.LOCKED_OUT, retryAfter, paced));
            }
        }
        return rows.build();
    }

    /**
     * Whatever a provider says in Retry-After, the exchange completes, and the wait it reports is bounded: a route
     * that copies it into its redelivery delay must not park a message for years.
     */
    @ParameterizedTest(name = "HTTP {0}, Retry-After {3}, paced {4}")
    @MethodSource("hugeRetryAfters")
    void aHugeRetryAfterCompletesTheExchangeAndIsBounded(int status, String body, ZaloErrorKind kind,
                                                         String retryAfter, boolean paced) throws Exception {
        if (paced) {
            context.getComponent("zalo", ZaloComponent.class).getCaresoft().setRateLimit(50);
        }
        server.answerWith("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\nRetry-After: "
                          + retryAfter + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        Exchange out = template.asyncSend("zalo:send?rateLimitRetries=0", e -> {
            e.getMessage().setBody("Xin chào msg-1");
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
        }).get(REQUEST_TIMEOUT + SLACK, TimeUnit.MILLISECONDS);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class, e -> {
            assertThat(e.getKind()).isEqualTo(kind);
            assertThat(e.getHttpStatus()).isEqualTo(status);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getRetryAfter()).isEqualTo(ZaloApiException.MAX_RETRY_AFTER);
            assertThat(e.getMessage()).endsWith("retryable after 900000 ms");
        });
        assertNoLeasedConnections(pool);
        // the pacer's own pause is capped too (at 60 s), and it says so
        assertThat(pacerLog.lines()).hasSize(paced && status == 429 ? 1 : 0)
                .allSatisfy(line -> assertThat(line).startsWith("WARN Rate limited by caresoft").endsWith("next call in 60000 ms"));
    }

    /**
     * Completion does not depend on the failure path working: even when no exception can be built for what the
     * provider or the network did, the exchange ends, with what went wrong.
     */
    @ParameterizedTest(name = "{0}, paced {1}")
    @MethodSource("brokenFailurePaths")
    void theExchangeCompletesEvenWhenItsExceptionCannotBeBuilt(Fault fault, boolean paced) throws Exception {
        ZaloComponent zalo = context.getComponent("zalo", ZaloComponent.class);
        if (paced) {
            zalo.getCaresoft().setRateLimit(50);
        }
        ZaloConfiguration conf = zalo.getConfiguration().copy();
        conf.setBaseUrl(server.url() + "/acme");
        conf.setApiKey(CARESOFT_KEY);
        ZaloEndpoint endpoint = new ZaloEndpoint("zalo:send", zalo, ZaloOperation.send, conf) {
            @Override
            ZaloFailures getFailures() {
                throw new IllegalStateException("no exception could be built");
            }
        };
        endpoint.bind();
        context.addEndpoint("zalo:broken", endpoint);
        server.next(fault);

        Exchange out = template.asyncSend(endpoint, e -> {
            e.getMessage().setBody("Xin chào msg-1");
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
        }).get(REQUEST_TIMEOUT + SLACK, TimeUnit.MILLISECONDS);

        assertThat(out.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no exception could be built");
        assertNoLeasedConnections(pool);
    }

    static Stream<Arguments> brokenFailurePaths() {
        return Stream.of(Arguments.of(Fault.UNAVAILABLE, false), Arguments.of(Fault.UNAVAILABLE, true),
                Arguments.of(Fault.RESET_AFTER_READ, false), Arguments.of(Fault.RESET_AFTER_READ, true));
    }

    /** An error page that is not the provider's JSON, with the API key echoed across where the excerpt ends. */
    @ParameterizedTest(name = "key at {0}")
    @ValueSource(ints = { 150, 180, 190, 195, 199, 200, 205 })
    void aKeyEchoedInAnErrorPageNeverLeaksEvenInPart(int at) throws Exception {
        String page = "<html><body>" + "x".repeat(at - 12) + CARESOFT_KEY + " " + "y".repeat(300) + "</body></html>";
        server.answerWith(true, (socket, in, out) -> {
            FaultServer.write(out, 502, "text/html", page.getBytes(StandardCharsets.UTF_8));
            return true;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(SERVER_ERROR);
        assertThat(e.getErrorMessage()).startsWith("Not the provider's JSON (text/html; charset=utf-8): <html><body>xx");
        for (String text : new String[] { e.getMessage(), e.getErrorMessage() }) {
            // not a single character of the key beyond what any text could hold by chance
            assertThat(text).doesNotContain(CARESOFT_KEY.substring(0, 4));
        }
    }

    /** What the provider says goes into exception messages and log lines: it must not be able to forge a line. */
    @Test
    void controlCharactersInTheProvidersWordsAreNeutralised() throws Exception {
        String body = "{\"code\":\"errors\\r\\n12:00:00.000 INFO  fake\",\"message\":\"Sai số\\r\\n"
                      + "12:00:00.000 INFO  [main] Route - all delivered\\u0085\\u2028\\u0000end\"}";
        server.answerWith(false, (socket, in, out) -> {
            FaultServer.write(out, 400, "application/json", body.getBytes(StandardCharsets.UTF_8));
            return true;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(e.getErrorMessage()).isEqualTo("Sai số 12:00:00.000 INFO  [main] Route - all delivered end");
        assertThat(e.getErrorCode()).isEqualTo("errors 12:00:00.000 INFO  fake");
        assertThat(e.getMessage()).doesNotContainPattern("[\\p{Cc}\u2028\u2029]");
    }

    /** A redirect is not followed, JSON body or not, and the route is told where it pointed. */
    @Test
    void aRedirectWithAJsonBodyNamesItsLocation() throws Exception {
        String body = "{\"code\":\"errors\",\"message\":\"Moved\"}";
        server.answerWith(false, (socket, in, out) -> {
            FaultServer.write(out, 301, "application/json", body.getBytes(StandardCharsets.UTF_8),
                    "Location: https://api2.caresoft.vn/acme/api/v1/zalo/send-message");
            return true;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REJECTED);
        assertThat(e.getHttpStatus()).isEqualTo(301);
        assertThat(e.getErrorMessage()).isEqualTo("Redirected to https://api2.caresoft.vn/acme/api/v1/zalo/send-message,"
                                                  + " which is not followed: check the baseUrl");
        assertThat(e.isRetryable()).isFalse();
    }

    /** JSON with a field twice means two things at once: it is not read as either. */
    @ParameterizedTest
    @ValueSource(strings = { "{\"code\":\"errors\",\"message\":\"Số điện thoại sai\",\"code\":\"ok\"}",
            "{\"code\":\"ok\",\"message\":\"a\",\"message\":\"b\"}",
            "{\"code\":\"ok\",\"data\":{\"x\":1,\"x\":2}}" })
    void anAnswerWithADuplicateFieldIsNotASuccess(String body) throws Exception {
        server.answerWith(true, (socket, in, out) -> {
            FaultServer.write(out, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            return true;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(BAD_RESPONSE);
        assertThat(e.mayHaveBeenProcessed()).isTrue();
        assertThat(e.getErrorMessage()).contains("twice");
        assertTheNextMessageSucceeds();
    }

    @Test
    void aUserStatusAnswerWithADuplicateFieldIsNotASuccess() throws Exception {
        String body = UserStatusTest.DOCUMENT_ANSWER.replaceFirst("\\{", "{\"code\":\"errors\",");
        server.answerWith(false, (socket, in, out) -> {
            FaultServer.write(out, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            return true;
        });

        Exchange out = call("zalo:userStatus", "0981234980");

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(BAD_RESPONSE));
    }

    /** Customers' numbers the provider echoes, in every way the component accepts one, are masked. */
    // named by index: a test's name is logged, and these are phone numbers
    @ParameterizedTest(name = "shape {index}")
    @ValueSource(strings = { "(098) 123-4980", "(+84) 98 123 4980", "098  123  4980", "+84 (98) 123.4980",
            "0 9 8 1 2 3 4 9 8 0", "84-98-123-4980", "(098)1234980" })
    void echoedPhoneNumbersAreMaskedInEveryAcceptedForm(String written) throws Exception {
        assertThat(io.github.camelzalo.component.zalo.model.PhoneNumbers.toNational(written, "phone"))
                .as("the component accepts it").isEqualTo("0981234980");
        String body = "{\"code\":\"errors\",\"message\":\"Khách hàng " + written + " chưa quan tâm OA\"}";
        server.answerWith(false, (socket, in, out) -> {
            FaultServer.write(out, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            return true;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getErrorMessage()).startsWith("Khách hàng ").endsWith(" chưa quan tâm OA");
        assertThat(e.getErrorMessage().replaceAll("\\D", "")).doesNotContain("1234");
        assertThat(LogSecrets.findIn(e.getMessage())).isEmpty();
    }

    /**
     * maxResponseSize bounds the body; the head is bounded too (header count and line length), or a hostile proxy
     * could fill the heap with headers before a small body.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "many headers", "one endless header", "an endless status line" })
    void aHugeHeadIsRefusedWithoutReadingIt(String shape) throws Exception {
        AtomicLong written = new AtomicLong(-1);
        server.answerWith(true, (socket, in, out) -> {
            long n = 0;
            try {
                byte[] line = ("X-Padding: " + "p".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                if (shape.equals("an endless status line")) {
                    out.write("HTTP/1.1 200 ".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (shape.equals("many headers")) {
                    for (; n < FaultServer.HUGE_SIZE; n += line.length) {
                        out.write(line);
                    }
                } else {
                    out.write("X-Padding: ".getBytes(StandardCharsets.US_ASCII));
                    byte[] block = "p".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    for (; n < FaultServer.HUGE_SIZE; n += block.length) {
                        out.write(block);
                    }
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("Content-Length: 15\r\n\r\n{\"code\":\"ok\"}".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the client stopped reading: expected
            } finally {
                written.set(n);
            }
            return false;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(RESPONSE_TOO_LARGE);
        assertThat(e.mayHaveBeenProcessed()).isTrue();
        assertThat(e.getErrorMessage()).contains("head");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (written.get() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(written.get()).as("bytes of head the server could write").isLessThan(FaultServer.HUGE_SIZE / 2);
        assertNoLeasedConnections(pool);
        assertTheNextMessageSucceeds();
    }

    /**
     * A server that keeps sending interim answers (102 Processing every 100 ms) never answers: the call times out,
     * and its connection is closed then, not when the server stops, so that the next call gets a connection even
     * with maxConnections=1.
     */
    @ParameterizedTest
    @ValueSource(strings = { "100 Continue", "102 Processing", "103 Early Hints\r\nLink: </style.css>; rel=preload" })
    void endlessInterimAnswersDoNotHoldTheConnection(String interim) throws Exception {
        AtomicInteger interims = new AtomicInteger();
        server.answerWith(true, (socket, in, out) -> {
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end) {
                out.write(("HTTP/1.1 " + interim + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                interims.incrementAndGet();
                Thread.sleep(100);
            }
            return false;
        });
        try (CamelContext single = new DefaultCamelContext()) {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(server.url() + "/acme");
            zalo.getCaresoft().setApiKey(CARESOFT_KEY);
            zalo.getCaresoft().setRateLimit(0);
            zalo.getConfiguration().setOaId(OA_ID);
            zalo.getConfiguration().setRequestTimeout(REQUEST_TIMEOUT);
            zalo.setMaxConnections(1);
            single.addComponent("zalo", zalo);
            single.start();
            ProducerTemplate producer = single.createProducerTemplate();

            long start = System.nanoTime();
            Exchange first = producer.request("zalo:send", e -> {
                e.getMessage().setBody("Xin chào msg-1");
                e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            Exchange second = producer.request("zalo:send", e -> {
                e.getMessage().setBody("Xin chào msg-2");
                e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            });

            assertThat(first.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                    e -> assertThat(e.getKind()).isEqualTo(TIMEOUT));
            assertThat(millis).isLessThan(REQUEST_TIMEOUT + SLACK);
            assertThat(interims.get()).as("interim answers sent").isPositive();
            assertThat(second.getException()).as("the next call, on the one connection").isNull();
            assertThat(server.processedCount(2)).isEqualTo(1);
        }
    }

    /** The same on a client handed in (built with HttpClients), whose pool the test can watch. */
    @ParameterizedTest
    @ValueSource(strings = { "100 Continue", "102 Processing", "103 Early Hints\r\nLink: </style.css>; rel=preload" })
    void endlessInterimAnswersReleaseTheConnectionAtTheTimeout(String interim) throws Exception {
        server.answerWith(true, (socket, in, out) -> {
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end) {
                out.write(("HTTP/1.1 " + interim + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
            return false;
        });

        ZaloApiException e = failedSend(1);

        assertThat(e.getKind()).isEqualTo(TIMEOUT);
        assertNoLeasedConnections(pool);
        assertTheNextMessageSucceeds();
    }

    /**
     * 2,000 calls in flight against a server that never answers (most of them waiting for one of 10 connections,
     * or, paced, for their turn), then the context stops: when stop() returns, every call has ended, and says
     * whether it may have been sent; none is left to its own timeout, and no thread of the component is left.
     */
    @ParameterizedTest(name = "paced {0}")
    @ValueSource(booleans = { false, true })
    void stoppingTheContextEndsEveryCallItHoldsBeforeStopReturns(boolean paced) throws Exception {
        server.plan(() -> Fault.NO_RESPONSE);
        // this class's own client is not used here: out of the way, so that its I/O threads (which start
        // asynchronously) are not taken for the context's
        client.close(CloseMode.IMMEDIATE);
        client.awaitShutdown(org.apache.hc.core5.util.TimeValue.ofSeconds(5));
        Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
        CamelContext ctx = new DefaultCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getCaresoft().setBaseUrl(server.url() + "/acme");
        zalo.getCaresoft().setApiKey(CARESOFT_KEY);
        zalo.getCaresoft().setRateLimit(paced ? 100 : 0);
        zalo.getConfiguration().setOaId(OA_ID);
        zalo.getConfiguration().setRequestTimeout(30_000);
        zalo.setMaxConnections(10);
        ctx.addComponent("zalo", zalo);
        ctx.start();
        AsyncProducer producer = ctx.getEndpoint("zalo:send").createAsyncProducer();
        producer.start();
        int calls = 2_000;
        CountDownLatch done = new CountDownLatch(calls);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Exchange exchange = new DefaultExchange(ctx);
            exchange.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            exchange.getMessage().setBody("Xin chào msg-" + (1000 + i));
            exchanges.add(exchange);
            producer.process(exchange, sync -> done.countDown());
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.requestsRead.get() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.requestsRead.get()).as("requests the server holds").isEqualTo(10);

        long start = System.nanoTime();
        ctx.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(done.getCount()).as("calls still open when stop() returned").isZero();
        assertThat(stopMillis).as("stop() took, in ms").isLessThan(10_000);
        int mayHaveBeenSent = 0;
        for (int i = 0; i < calls; i++) {
            Exchange e = exchanges.get(i);
            assertThat(e.getException()).as("call %d", i).isInstanceOf(ZaloApiException.class);
            ZaloApiException x = (ZaloApiException) e.getException();
            assertThat(x.getKind()).as("call %d: %s", i, x.getMessage()).isEqualTo(IO_ERROR);
            if (x.mayHaveBeenProcessed()) {
                mayHaveBeenSent++;
                assertThat(x.isRetryable()).isFalse();
            } else {
                assertThat(x.isRetryable()).isTrue();
                assertThat(server.arrivals.get(1000 + i)).as("call %d said not sent", i).isNull();
            }
        }
        assertThat(mayHaveBeenSent).as("calls that may have been sent").isEqualTo(10);
        assertThat(leftOver(threadsBefore)).as("threads left after stop()").isEmpty();
    }

    /** The names of the threads alive now that were not before, but the fault server's; given a moment to end. */
    private static Set<String> leftOver(Set<Thread> before) throws InterruptedException {
        Set<String> added = Set.of();
        for (int i = 0; i < 50; i++) {
            added = new TreeSet<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && !t.getName().startsWith("fault-server")) {
                    added.add(t.getName());
                }
            }
            if (added.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        }
        return added;
    }

    private void assertTheNextMessageSucceeds() {
        Exchange next = send(2);
        assertThat(next.getException()).as("the next message on the same endpoint").isNull();
        assertThat(next.getMessage().getBody(SendMessageResult.class).getCode()).isEqualTo("ok");
        assertNoLeasedConnections(pool);
    }

    private Exchange send(int messageId) {
        return send("zalo:send", messageId);
    }

    private Exchange send(String uri, int messageId) {
        return call(uri, "Xin chào msg-" + messageId, ZaloConstants.PHONE_NO, "0981234980");
    }

    private ZaloApiException failedSend(int messageId) {
        return failedSend("zalo:send", messageId);
    }

    private ZaloApiException failedSend(String uri, int messageId) {
        long start = System.nanoTime();
        Exchange out = send(uri, messageId);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("completes within the request timeout").isLessThan(REQUEST_TIMEOUT + SLACK);
        assertThat(out.getException()).isInstanceOf(ZaloApiException.class);
        return (ZaloApiException) out.getException();
    }

    private static long awaitHugeBodyWritten() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.hugeBytesWritten.get() < 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return server.hugeBytesWritten.get();
    }

    private static Arguments row(Fault fault, ZaloErrorKind kind, int status, boolean retryable, Duration retryAfter) {
        return Arguments.of(fault, kind, status, retryable, retryAfter);
    }
}
