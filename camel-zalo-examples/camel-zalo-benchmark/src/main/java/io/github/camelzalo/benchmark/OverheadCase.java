package io.github.camelzalo.benchmark;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloAppAccount;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import io.github.camelzalo.component.zalo.model.UserStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;

/**
 * The ways of making a call that the benchmark compares, each a route {@code direct:call}: asking CareSoft for a
 * user's status (the phone number as the body) through the component, camel-http and the floor; and sending a
 * consultation text through the official API the same three ways.
 */
enum OverheadCase {

    /** {@code direct → zalo:userStatus}. */
    COMPONENT("component") {
        @Override
        void configure(CamelContext context, String stubBaseUrl) throws Exception {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getCaresoft().setBaseUrl(stubBaseUrl + "/acme");
            zalo.getCaresoft().setApiKey(API_KEY);
            zalo.getConfiguration().setOaId(OA_ID);
            // the overhead of the component, not of waiting for permits: the other cases have no rate limit
            zalo.getCaresoft().setRateLimit(0);
            // --zalo name=value,... sets further component options, e.g. to compare thread counts
            PropertyBindingSupport.bindProperties(context, zalo, new HashMap<>(componentOptions));
            context.addComponent("zalo", zalo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").to("zalo:userStatus");
                }
            });
        }

        @Override
        boolean isExpected(Object body) {
            return body instanceof UserStatus s && "631292".equals(s.getUserId());
        }
    },

    /**
     * {@code direct → zalo:send?provider=zalo}: a consultation text through the official API, with the OA's access
     * token from the component's token manager on every call (the first call refreshes it once at the stub).
     */
    ZALO("zalo") {
        @Override
        void configure(CamelContext context, String stubBaseUrl) throws Exception {
            ZaloComponent zalo = new ZaloComponent();
            zalo.getConfiguration().setOaId(OA_ID);
            ZaloAppAccount app = zalo.getZalo();
            app.setAppId(APP_ID);
            app.setAppSecret(API_KEY);
            app.setRefreshToken("benchmark-refresh-token");
            app.setTokenStore(new InMemoryTokenStore());
            app.setOauthBaseUrl(stubBaseUrl + "/oauth");
            app.setOpenApiBaseUrl(stubBaseUrl + "/openapi");
            app.setBusinessBaseUrl(stubBaseUrl + "/business");
            app.setRateLimit(0);
            PropertyBindingSupport.bindProperties(context, zalo, new HashMap<>(componentOptions));
            context.addComponent("zalo", zalo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call")
                            .setHeader(ZaloConstants.USER_ID, constant(StubServer.ZALO_USER))
                            .setBody(constant(MESSAGE))
                            .to("zalo:send?provider=zalo");
                }
            });
        }

        @Override
        boolean isExpected(Object body) {
            return body instanceof OaMessageResult r && StubServer.ZALO_MESSAGE_ID.equals(r.getMessageId());
        }
    },

    /** What an integration engineer writes today: {@code direct → marshal → camel-http POST → unmarshal}. */
    CAMEL_HTTP("camel-http") {
        @Override
        void configure(CamelContext context, String stubBaseUrl) throws Exception {
            HttpComponent http = context.getComponent("http", HttpComponent.class);
            // camel-http allows 20 connections per host by default: as many as the 64 callers need, for fairness
            http.setMaxTotalConnections(200);
            http.setConnectionsPerRoute(100);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call")
                            .process(e -> {
                                Map<String, Object> request = new LinkedHashMap<>();
                                request.put("phone_no", e.getMessage().getBody(String.class));
                                request.put("oa_id", OA_ID);
                                e.getMessage().setBody(request);
                            })
                            .marshal().json(JsonLibrary.Jackson)
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader("Authorization", constant("Bearer " + API_KEY))
                            .to(stubBaseUrl + "/acme/api/v1/zalo/user-status")
                            .unmarshal().json(JsonLibrary.Jackson, StatusAnswer.class);
                }
            });
        }

        @Override
        boolean isExpected(Object body) {
            return StatusAnswer.isExpected(body);
        }
    },

    /** The floor: the same route with a minimal asynchronous processor calling HttpClient 5 async directly. */
    FLOOR("floor") {
        @Override
        void configure(CamelContext context, String stubBaseUrl) throws Exception {
            FloorProcessor floor = FloorProcessor.userStatus(floorClient(context),
                    URI.create(stubBaseUrl + "/acme/api/v1/zalo/user-status"), API_KEY, OA_ID);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").process(floor);
                }
            });
        }

        @Override
        boolean isExpected(Object body) {
            return StatusAnswer.isExpected(body);
        }
    },

    /**
     * The {@code zalo} case written by hand with camel-http: the message marshalled, the stub's access token as a
     * constant header (no refresh, no store), the answer unmarshalled into a map.
     */
    ZALO_CAMEL_HTTP("zalo-camel-http") {
        @Override
        void configure(CamelContext context, String stubBaseUrl) throws Exception {
            HttpComponent http = context.getComponent("http", HttpComponent.class);
            http.setMaxTotalConnections(200);
            http.setConnectionsPerRoute(100);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call")
                            .process(e -> e.getMessage().setBody(ZaloAnswer.textMessage(StubServer.ZALO_USER,
                                    MESSAGE)))
                            .marshal().json(JsonLibrary.Jackson)
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader("access_token", constant(StubServer.ZALO_ACCESS_TOKEN))
                            .to(stubBaseUrl + "/openapi/v3.0/oa/message/cs")
                            .unmarshal().json(JsonLibrary.Jackson, ZaloAnswer.class);
                }
            });
        }

        @Override
        boolean isExpected(Object body) {
            return ZaloAnswer.isExpected(body);
        }
    },

    /** The {@code zalo} case's floor: the same official-API call from the minimal processor, a fixed token. */
    ZALO_FLOOR("zalo-floor") {
        @Override
        void configure(CamelContext context, String stubBaseUrl) throws Exception {
            FloorProcessor floor = FloorProcessor.oaMessage(floorClient(context),
                    URI.create(stubBaseUrl + "/openapi/v3.0/oa/message/cs"), StubServer.ZALO_ACCESS_TOKEN,
                    StubServer.ZALO_USER);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").setBody(constant(MESSAGE)).process(floor);
                }
            });
        }

        @Override
        boolean isExpected(Object body) {
            return ZaloAnswer.isExpected(body);
        }
    };

    /** The text every official-API case sends. */
    static final String MESSAGE = "Đơn hàng của quý khách đã được giao";
    static final String API_KEY = "benchmark-key";
    static final String APP_ID = "4318000000000000001";
    static final Map<String, Object> componentOptions = new HashMap<>();
    static final String OA_ID = "1600190000752846";

    private final String label;

    OverheadCase(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract void configure(CamelContext context, String stubBaseUrl) throws Exception;

    /** Whether a route's result is the stub's answer, correctly read. */
    abstract boolean isExpected(Object body);

    /** The case written by hand with camel-http that this case is measured against, or null for a baseline. */
    OverheadCase handWritten() {
        return this == COMPONENT ? CAMEL_HTTP : this == ZALO ? ZALO_CAMEL_HTTP : null;
    }

    /** The minimal processor making the same call, or null for a baseline. */
    OverheadCase floor() {
        return this == COMPONENT ? FLOOR : this == ZALO ? ZALO_FLOOR : null;
    }

    /** An HttpClient 5 async client for a floor case, closed with its context (see {@link #stop}). */
    static CloseableHttpAsyncClient floorClient(CamelContext context) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100).setMaxConnPerRoute(100).build())
                .build();
        client.start();
        context.getRegistry().bind("floorClient", (AutoCloseable) () -> client.close(CloseMode.GRACEFUL));
        return client;
    }

    /** A started context with the route {@code direct:call}. */
    CamelContext start(String stubBaseUrl) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        configure(context, stubBaseUrl);
        context.start();
        return context;
    }

    /** Stops the context and closes what the case opened besides. */
    static void stop(CamelContext context) throws Exception {
        Object extra = context.getRegistry().lookupByName("floorClient");
        context.stop();
        if (extra instanceof AutoCloseable c) {
            c.close();
        }
    }

    static OverheadCase byLabel(String label) {
        for (OverheadCase c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No case " + label + "; use component, zalo, camel-http, zalo-camel-http,"
                                           + " floor or zalo-floor");
    }
}
