package io.github.camelzalo.component.zalo;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Provider zalo over JMX: the default OA's token expiry, and the operation that refreshes an OA's tokens now. */
class ZaloJmxOfficialApiTest extends OfficialApiTestSupport {

    ZaloJmxOfficialApiTest() {
        testConfiguration().withJMX(true);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:oa").to("zalo:send?provider=zalo");
            }
        };
    }

    private ObjectName endpoint() throws Exception {
        return ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.camel:context="
                                                                                    + context.getManagementName()
                                                                                    + ",type=endpoints,*"), null)
                .stream().filter(n -> n.getKeyProperty("name").contains("zalo://send")).findFirst().orElseThrow();
    }

    @Test
    void refreshAccessTokenRefreshesTheOasTokensNowAndSaysWhenTheNewOneExpires() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        tokenAnswer(REFRESH_1, ACCESS_2, REFRESH_2);
        ObjectName name = endpoint();
        assertThat(server.getAttribute(name, "AccessTokenExpiresIn")).isEqualTo(-1L);

        String first = (String) server.invoke(name, "refreshAccessToken", new Object[] { "" },
                new String[] { String.class.getName() });
        String second = (String) server.invoke(name, "refreshAccessToken", new Object[] { OA_ID },
                new String[] { String.class.getName() });

        assertThat(first).startsWith("Refreshed the tokens of OA " + OA_ID + "; the access token expires at ");
        assertThat(second).startsWith("Refreshed the tokens of OA " + OA_ID);
        assertThat(first + second).doesNotContain(ACCESS_1, ACCESS_2, REFRESH_1, REFRESH_2, SEED);
        // the seed, then the pair it gave: two refreshes, each spending the refresh token once
        wireMock.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat((Long) server.getAttribute(name, "AccessTokenExpiresIn")).isBetween(89_000L, 90_000L);
        assertThat(server.getAttribute(name, "ReauthorizationNeeded")).isEqualTo(false);
    }
}
