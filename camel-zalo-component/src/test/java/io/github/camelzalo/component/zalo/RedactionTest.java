package io.github.camelzalo.component.zalo;

import io.github.camelzalo.component.zalo.model.PhoneNumbers;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a provider echoes back (the customer's number, a token) does not travel on in the exception, which ends up
 * in logs and dead-letter queues. And the patterns the build's log check relies on find what they must.
 */
class RedactionTest extends ZaloTestSupport {

    @Test
    void phoneNumbersAndTokensEchoedByTheProviderAreMasked() {
        stub(CARESOFT_SEND, json(200, "{\"code\":\"errors\",\"message\":\"Khách hàng 0981234980 (+84 98 123 4980)"
                                      + " chưa quan tâm OA 1600190000752846; Authorization: Bearer other-token-42\"}"));

        Exchange out = call("zalo:send", "Xin chào", ZaloConstants.PHONE_NO, "0981234980");

        ZaloApiException e = (ZaloApiException) out.getException();
        assertThat(e.getErrorMessage())
                .isEqualTo("Khách hàng 098****980 (849*****980) chưa quan tâm OA 1600190000752846;"
                           + " Authorization: Bearer ******");
        assertThat(LogSecrets.findIn(e.getMessage())).isEmpty();
    }

    @Test
    void maskAllMasksEveryShapeAndLeavesOtherNumbersAlone() {
        assertThat(PhoneNumbers.maskAll("a 0981234980, b 84981234980, c 098.123.4980, d +84-98-123-4980"))
                .isEqualTo("a 098****980, b 849*****980, c 098****980, d 849*****980");
        assertThat(PhoneNumbers.maskAll("OA 1600190000752846, masked 098****980, port 127.0.0.1:38564, id 42"))
                .isEqualTo("OA 1600190000752846, masked 098****980, port 127.0.0.1:38564, id 42");
    }

    @Test
    void theLogCheckFindsKeysTokensAndNumbersButNotTheirMaskedForms() {
        assertThat(LogSecrets.findIn("key " + CARESOFT_KEY)).hasSize(1);
        assertThat(LogSecrets.findIn("key et-main-key-9a02")).hasSize(1);
        assertThat(LogSecrets.findIn("Authorization: Bearer abc.def-123")).hasSize(1);
        assertThat(LogSecrets.findIn("phone +84 98 123 4980")).hasSize(1);
        assertThat(LogSecrets.findIn("phone 0981234980.")).hasSize(1);
        assertThat(LogSecrets.findIn("Authorization: ****** / Bearer ****** / 098****980 / OA 1600190000752846"
                                     + " / 05:45:42.574 / ex-0000000042 / 127.0.0.1:38564")).isEmpty();
        // a WireMock stub id seen in a run: random ids hold digit runs that look like numbers
        assertThat(LogSecrets.findIn("Matched-Stub-Id: 89f30f75-bc4b-4b1d-b6e5-4e0981234980")).isEmpty();
    }
}
