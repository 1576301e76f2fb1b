package io.github.camelzalo.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelzalo.component.zalo.ZaloApiException;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.component.zalo.model.FollowersPage;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.UserProfile;
import io.github.camelzalo.component.zalo.model.ZnsResult;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code zalo:} component's provider {@code zalo} against the sandbox's official API: the two must speak the
 * same wire format, Zalo's rules must reach a route as the right kind, and single-use refresh tokens must rotate
 * without a failed message.
 */
class OfficialApiAgainstSandboxTest extends CamelTestSupport {

    private static final String FOLLOWER_IN_WINDOW = "8941234567136201";
    private static final String TEN_DAYS_SILENT = "8941234567136204";

    private ZaloSandbox sandbox;
    private InMemoryTokenStore store;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sandbox = ZaloSandbox.builder().port(0).sampleData().build().start();
        store = new InMemoryTokenStore();
        CamelContext context = super.createCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getConfiguration().setOaId(sandbox.oaId());
        zalo.getConfiguration().setRequestTimeout(5_000);
        zalo.getZalo().setAppId(sandbox.appId());
        zalo.getZalo().setAppSecret(sandbox.appSecret());
        zalo.getZalo().setOauthBaseUrl(sandbox.zaloOauthBaseUrl());
        zalo.getZalo().setOpenApiBaseUrl(sandbox.zaloOpenApiBaseUrl());
        zalo.getZalo().setBusinessBaseUrl(sandbox.zaloBusinessBaseUrl());
        zalo.getZalo().setTokenStore(store);
        // as an admin's consent gives it: a refresh token, spent on the first call
        zalo.getZalo().setRefreshToken(sandbox.issueTokens(sandbox.oaId()).refreshToken());
        context.addComponent("zalo", zalo);
        return context;
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private Exchange call(String uri, Object body, Object... headers) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    @Test
    void aConsultationIsDeliveredOnTheFreeReplyQuota() {
        Exchange out = call("zalo:send?provider=zalo", "Đơn hàng của quý khách đã được giao",
                ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW);

        assertThat(out.getException()).isNull();
        OaMessageResult result = out.getMessage().getBody(OaMessageResult.class);
        assertThat(result.getQuota().getQuotaType()).isEqualTo("reply");
        assertThat(sandbox.outbox().messages()).singleElement().satisfies(m -> {
            assertThat(m.provider()).isEqualTo("zalo");
            assertThat(m.quotaType()).isEqualTo("reply");
        });
        assertThat(sandbox.oauth().counters(sandbox.oaId()).refreshes()).isEqualTo(1);
    }

    @Test
    void aClosedWindowIsOutsideWindowAndFallsBackToZns() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:notify")
                        .doTry()
                            .to("zalo:send?provider=zalo")
                        .doCatch(ZaloApiException.class)
                            .onWhen(simple("${exception.kind} in 'OUTSIDE_WINDOW,NOT_FOLLOWER'"))
                            .setProperty("refusedAs", simple("${exception.kind}"))
                            .setHeader("CamelZaloTemplateId", constant("2450001"))
                            .setHeader("CamelZaloTemplateData", constant(Map.of("customer_name", "Đức",
                                    "order_code", "DH1001", "amount", 250000, "delivery_date", "05/12/2026")))
                            .to("zalo:sendZns")
                        .end();
            }
        });

        Exchange out = call("direct:notify", "Đơn hàng đã giao", ZaloConstants.USER_ID, TEN_DAYS_SILENT,
                ZaloConstants.PHONE_NO, "0987654321");

        assertThat(out.getException()).isNull();
        assertThat(out.getProperty("refusedAs", String.class)).isEqualTo("OUTSIDE_WINDOW");
        assertThat(out.getMessage().getBody(ZnsResult.class).getMsgId()).isNotBlank();
        assertThat(sandbox.outbox().messages()).singleElement().satisfies(m -> assertThat(m.provider())
                .isEqualTo("zalo"));
    }

    @Test
    void whenTheAccessTokenDiesMidRunItIsRefreshedOnceAndNoMessageFails() throws Exception {
        assertThat(call("zalo:send?provider=zalo", "một", ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW).getException())
                .isNull();
        // the sandbox's clock moves past the token's 25 hours: Zalo answers -220 from now on
        sandbox.clock().advance(Duration.ofHours(26));
        sandbox.userMessage("0981234980");

        AsyncProducer producer = context.getEndpoint("zalo:send?provider=zalo").createAsyncProducer();
        producer.start();
        List<Exchange> sent = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            Exchange e = context.getEndpoint("direct:x").createExchange();
            e.getMessage().setBody("tin " + i);
            e.getMessage().setHeader(ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW);
            sent.add(e);
            producer.process(e, sync -> done.countDown());
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        producer.stop();

        assertThat(sent).allSatisfy(e -> assertThat(e.getException()).isNull());
        // the seed, then exactly one rotation for the five that met the dead token
        assertThat(sandbox.oauth().counters(sandbox.oaId()).refreshes()).isEqualTo(2);
        assertThat(sandbox.oauth().counters(sandbox.oaId()).rejectedRefreshTokens()).isZero();
        assertThat(store.load(sandbox.appId(), sandbox.oaId()).tokens().getAccessToken())
                .isEqualTo(sandbox.oauth().currentTokens(sandbox.oaId()).orElseThrow().accessToken());
    }

    @Test
    void anAccessTokenEndedEarlyIsRefreshedOnceAndTheCallGoesThrough() {
        assertThat(call("zalo:send?provider=zalo", "một", ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW).getException())
                .isNull();
        String before = sandbox.oauth().currentTokens(sandbox.oaId()).orElseThrow().accessToken();
        sandbox.oauth().expireAccessToken(sandbox.oaId());

        Exchange out = call("zalo:send?provider=zalo", "hai", ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW);

        assertThat(out.getException()).isNull();
        assertThat(sandbox.oauth().counters(sandbox.oaId()).refreshes()).isEqualTo(2);
        assertThat(sandbox.oauth().currentTokens(sandbox.oaId()).orElseThrow().accessToken()).isNotEqualTo(before);
        assertThat(sandbox.outbox().messages()).hasSize(2);
    }

    @Test
    void aRevokedOaNeedsReauthorization() {
        assertThat(call("zalo:send?provider=zalo", "một", ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW).getException())
                .isNull();
        sandbox.revokeTokens(sandbox.oaId());

        Exchange out = call("zalo:send?provider=zalo", "hai", ZaloConstants.USER_ID, FOLLOWER_IN_WINDOW);

        assertThat(out.getException()).isInstanceOfSatisfying(ZaloApiException.class,
                e -> assertThat(e.getKind()).isEqualTo(ZaloErrorKind.REAUTHORIZATION_NEEDED));
    }

    @Test
    void uploadThenSendImageAndTheUsersAreReadBack() throws Exception {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:photo").to("zalo:upload").to("zalo:sendImage?provider=zalo");
            }
        });

        Exchange out = call("direct:photo", png, Exchange.FILE_NAME, "don-hang.png", ZaloConstants.USER_ID,
                FOLLOWER_IN_WINDOW, ZaloConstants.MESSAGE, "Ảnh đơn hàng");

        assertThat(out.getException()).isNull();
        assertThat(sandbox.outbox().messages()).singleElement().satisfies(m -> assertThat(m.provider())
                .isEqualTo("zalo"));
        UserProfile profile = call("zalo:userProfile", FOLLOWER_IN_WINDOW).getMessage().getBody(UserProfile.class);
        assertThat(profile.getUserId()).isEqualTo(FOLLOWER_IN_WINDOW);
        assertThat(profile.isFollower()).isTrue();
        FollowersPage all = call("zalo:followers?allPages=true", null, ZaloConstants.COUNT, 2).getMessage()
                .getBody(FollowersPage.class);
        assertThat(all.getUserIds()).contains(FOLLOWER_IN_WINDOW, TEN_DAYS_SILENT);
        assertThat(all.isComplete()).isTrue();
    }
}
