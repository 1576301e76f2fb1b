package io.github.camelzalo.component.zalo;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider zalo's readiness: the OA's tokens in the details (time to expiry, refreshes, last refresh), DOWN when an
 * OA admin must authorize the app again, and DOWN when no access token can be had because refreshing keeps failing.
 */
class HealthCheckOfficialApiTest extends OfficialApiTestSupport {

    /** The token keeper reports a dead refresh token at ERROR: expected here, checked, kept off the console. */
    @RegisterExtension
    final CapturedLog tokenLog = CapturedLog.of("io.github.camelzalo.component.zalo.auth.OaTokenKeeper");

    @BeforeEach
    void enableProducerChecks() {
        HealthCheckRegistry.get(context).getRepository("producers").ifPresent(r -> r.setEnabled(true));
    }

    private Exchange send() {
        return call("zalo:send?provider=zalo", "Xin chào", ZaloConstants.USER_ID, USER);
    }

    private HealthCheck.Result zaloCheck() {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:zalo-zalo-")).findFirst().orElseThrow();
    }

    @Test
    void upWithTheOasTokens() {
        tokenAnswer(SEED, ACCESS_1, REFRESH_1);
        csAnswer(ACCESS_1, "m-1");
        assertThat(send().getException()).isNull();

        HealthCheck.Result r = zaloCheck();

        assertThat(r.getState()).isEqualTo(HealthCheck.State.UP);
        Map<String, Object> d = r.getDetails();
        String token = "token." + OA_ID + ".";
        assertThat(d).containsEntry("provider", "zalo").containsEntry(token + "refreshes", 1L)
                .containsEntry(token + "reauthorizationNeeded", false).containsKey(token + "lastRefreshAt");
        // Zalo's answer says 90000 s
        assertThat((String) d.get(token + "expiresIn")).matches("(8999\\d|90000)s");
        assertThat(r.getCheck().getId()).matches("producer:zalo-zalo-127\\.0\\.0\\.1-[0-9a-f]{8}");
        assertThat(d.toString()).doesNotContain(ACCESS_1, REFRESH_1, SEED, APP_SECRET);
    }

    @Test
    void downWhenAnOaMustAuthorizeTheAppAgain() {
        stub(refresh(SEED).willReturn(json(200, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\","
                                                + "\"error_description\":\"Invalid refresh token\"}")));
        send();

        HealthCheck.Result r = zaloCheck();

        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).hasValue("OA " + OA_ID + " must authorize app " + APP_ID + " again");
        assertThat(r.getDetails()).containsEntry("token." + OA_ID + ".reauthorizationNeeded", true)
                .containsEntry("token." + OA_ID + ".lastFailureKind", "REAUTHORIZATION_NEEDED")
                .containsEntry("token." + OA_ID + ".expiresIn", "none");
        assertThat(r.getDetails().toString() + r.getMessage()).doesNotContain(SEED, APP_SECRET);
        assertThat(tokenLog.lines()).anyMatch(l -> l.startsWith("ERROR Zalo refused the refresh token of OA " + OA_ID));
    }

    @Test
    void downWhileRefreshingKeepsFailingAndNoTokenIsLeft() {
        stub(refresh(SEED).willReturn(json(500, "{\"error\":-1,\"message\":\"Internal error\"}")));
        send();

        HealthCheck.Result r = zaloCheck();

        assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(r.getMessage()).hasValue("OA " + OA_ID + " has no usable access token: refreshing it fails"
                                            + " (TOKEN_REFRESH_FAILED)");
        assertThat(r.getDetails()).containsEntry("failures.TOKEN_REFRESH_FAILED", 1L);
    }
}
