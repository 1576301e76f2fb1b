package io.github.camelzalo.component.zalo.springboot;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpComponentAutoConfiguration;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with the starter on its classpath, the component configured only by
 * {@code camel.component.zalo.*} properties (see {@link #zaloProperties}), sending through both providers to a local
 * WireMock server.
 */
@SpringBootTest(classes = ZaloStarterTest.App.class, properties = {
        "camel.component.zalo.caresoft.api-key=cs-boot-token-51c2",
        "camel.component.zalo.etelecom.api-key=et-boot-key-0d44",
        "camel.component.zalo.oa-id=1600190000752846",
        "camel.component.zalo.request-timeout=4000",
        "camel.component.zalo.max-connections=12",
        "camel.component.zalo.worker-pool=#bean:zaloWorkers" })
class ZaloStarterTest {

    private static final WireMockServer WIRE_MOCK = startStub();

    // this application has an ExecutorService bean of its own, so Spring Boot creates no task executor, and
    // platform-http's Spring Boot engine (on this module's test class path for ZaloEventsStarterTest) needs one: it
    // receives nothing here, so it is left out
    @SpringBootApplication(exclude = { SpringBootPlatformHttpAutoConfiguration.class,
                                       PlatformHttpComponentAutoConfiguration.class })
    static class App {
        @Bean(destroyMethod = "shutdown")
        ExecutorService zaloWorkers() {
            return Executors.newFixedThreadPool(2);
        }

        @Bean
        RouteBuilder zaloRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:text").to("zalo:send");
                    from("direct:image").to("zalo:sendImage");
                }
            };
        }
    }

    @DynamicPropertySource
    static void zaloProperties(DynamicPropertyRegistry registry) {
        String stub = "http://127.0.0.1:" + WIRE_MOCK.port();
        registry.add("camel.component.zalo.caresoft.base-url", () -> stub + "/acme");
        registry.add("camel.component.zalo.etelecom.base-url", () -> stub + "/v1/shop");
    }

    private static WireMockServer startStub() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/acme/api/v1/zalo/send-message")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"ok\",\"message\":\"ok\"}")));
        server.stubFor(post(urlEqualTo("/v1/shop.Zalo/OASendImage")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"msg_id\":\"m-boot-1\"}")));
        return server;
    }

    @AfterAll
    static void stopStub() {
        WIRE_MOCK.stop();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    ExecutorService zaloWorkers;

    @Test
    void sendsThroughBothProvidersWithTheirOwnAccounts() {
        Exchange text = template.request("direct:text", e -> {
            e.getMessage().setHeader(ZaloConstants.PHONE_NO, "0981234980");
            e.getMessage().setBody("Xin chào từ Spring Boot");
        });
        Exchange image = template.request("direct:image", e -> {
            e.getMessage().setHeader(ZaloConstants.USER_ID, "8941234567136201");
            e.getMessage().setHeader(ZaloConstants.IMAGE_URL, "https://cdn.example.vn/a.png");
        });

        assertThat(text.getException()).isNull();
        assertThat(image.getException()).isNull();
        assertThat(image.getMessage().getHeader(ZaloConstants.MESSAGE_ID)).isEqualTo("m-boot-1");
        WIRE_MOCK.verify(postRequestedFor(urlEqualTo("/acme/api/v1/zalo/send-message"))
                .withHeader("Authorization", equalTo("Bearer cs-boot-token-51c2"))
                .withRequestBody(equalToJson("""
                        {"zalo":{"phone_no":"0981234980","oa_id":"1600190000752846",
                                 "message":"Xin chào từ Spring Boot"}}""")));
        WIRE_MOCK.verify(postRequestedFor(urlEqualTo("/v1/shop.Zalo/OASendImage"))
                .withHeader("Authorization", equalTo("Bearer et-boot-key-0d44")));
    }

    @Test
    void bindsPlainValuesAndBeanReferences() {
        ZaloComponent zalo = camelContext.getComponent("zalo", ZaloComponent.class);

        assertThat(zalo.getConfiguration().getRequestTimeout()).isEqualTo(4000);
        assertThat(zalo.getConfiguration().getConnectTimeout()).isEqualTo(10000);
        assertThat(zalo.getMaxConnections()).isEqualTo(12);
        assertThat(zalo.getWorkerPool()).isSameAs(zaloWorkers);
    }
}
