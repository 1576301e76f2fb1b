package io.github.camelzalo.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong keys, wrong paths and malformed bodies get each provider's own error shape and status. */
class AuthAndValidationTest extends SandboxFixture {

    static final String SEND = "/" + TENANT + "/api/v1/zalo/send-message";
    static final String STATUS = "/" + TENANT + "/api/v1/zalo/user-status";
    static final String IMAGE = "/v1/shop.Zalo/OASendImage";

    @BeforeEach
    void startSandbox() {
        start(builder());
    }

    @Test
    void careSoftWithoutOrWithAWrongKeyIs401() {
        for (String key : new String[] { null, "wrong", ET_KEY }) {
            Answer a = post(STATUS, key, "{\"phone_no\":\"" + NGHIA + "\"}");
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.json().toString()).isEqualTo("{\"code\":\"errors\",\"message\":\"Unauthenticated.\"}");
        }
        assertThat(sandbox.stats().unauthorized()).isEqualTo(3);
    }

    @Test
    void careSoftUnknownTenantPathAndMethod() {
        Answer tenant = post("/nobody/api/v1/zalo/user-status", CS_KEY, "{}");
        assertThat(tenant.status()).isEqualTo(404);
        assertThat(tenant.text("code")).isEqualTo("errors");
        assertThat(tenant.text("message")).isEqualTo("Domain incorrect");

        Answer path = post("/" + TENANT + "/api/v1/zalo/zns", CS_KEY, "{}");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.text("code")).isEqualTo("errors");

        Answer method = call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + STATUS)).GET()
                .header("Authorization", "Bearer " + CS_KEY).build());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.text("code")).isEqualTo("errors");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                    | {"zalo":                                                                  | not valid JSON
            not an object               | [1,2]                                                                     | JSON object
            no zalo object              | {"phone_no":"0981234980"}                                                 | zalo field is required
            no recipient                | {"zalo":{"oa_id":"1600190000752846","message":"x"}}                       | Exactly one of zalo.phone_no and zalo.user_id
            two recipients              | {"zalo":{"phone_no":"0981234980","user_id":"1","oa_id":"1","message":"x"}} | Exactly one of zalo.phone_no and zalo.user_id
            bad phone                   | {"zalo":{"phone_no":"0123","oa_id":"1600190000752846","message":"x"}}     | zalo.phone_no is not a valid phone number
            no OA                       | {"zalo":{"phone_no":"0981234980","message":"x"}}                          | zalo.oa_id is required
            no content                  | {"zalo":{"phone_no":"0981234980","oa_id":"1600190000752846"}}             | Exactly one of zalo.script_id and zalo.message
            script and message          | {"zalo":{"phone_no":"0981234980","oa_id":"1","script_id":608,"message":"x"}} | Exactly one of zalo.script_id and zalo.message
            bad script id               | {"zalo":{"phone_no":"0981234980","oa_id":"1","script_id":-4}}             | zalo.script_id must be a positive integer
            params without script       | {"zalo":{"phone_no":"0981234980","oa_id":"1","message":"x","template_params":{}}} | can only be used with zalo.script_id
            nested param                | {"zalo":{"phone_no":"0981234980","oa_id":"1","script_id":608,"template_params":{"a":{}}}} | zalo.template_params.a must be text
            empty message               | {"zalo":{"phone_no":"0981234980","oa_id":"1600190000752846","message":"  "}} | zalo.message must not be empty
            """)
    void careSoftMalformedSendsAre400(String name, String body, String message) {
        Answer a = post(SEND, CS_KEY, body);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).contains(message);
        assertThat(sandbox.outbox().size()).isZero();
    }

    @Test
    void careSoftMessagesAreAtMost1000Characters() {
        assertThat(sendText(NGHIA, "ư".repeat(1000)).text("code")).isEqualTo("ok");
        Answer a = sendText(NGHIA, "ư".repeat(1001));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("message")).contains("1000");
    }

    @Test
    void careSoftUserStatusNeedsAValidPhoneAndTheRightOa() {
        assertThat(post(STATUS, CS_KEY, "{}").text("message")).isEqualTo("phone_no is required");
        assertThat(post(STATUS, CS_KEY, "{\"phone_no\":\"12345\"}").status()).isEqualTo(400);
        assertThat(post(STATUS, CS_KEY, "{\"phone_no\":\"" + NGHIA + "\"}").text("code")).as("oa_id is optional")
                .isEqualTo("ok");
        Answer otherOa = post(STATUS, CS_KEY, "{\"phone_no\":\"" + NGHIA + "\",\"oa_id\":\"42\"}");
        assertThat(otherOa.status()).isEqualTo(200);
        assertThat(otherOa.text("code")).isEqualTo("errors");
        assertThat(otherOa.text("message")).contains("OA 42");
    }

    @Test
    void careSoftRefusalsCanBeAnsweredWith400Instead() {
        sandbox.close();
        start(builder().caresoftRefusalStatus(400));

        Answer a = sendText(DUC, "Muộn");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.text("code")).isEqualTo("errors");
        assertThat(a.text("message")).contains("-230");
    }

    @Test
    void eTelecomWithoutOrWithAWrongKeyIs401() {
        for (String key : new String[] { null, "wrong", CS_KEY }) {
            Answer a = post(IMAGE, key, "{}");
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.text("code")).isEqualTo("unauthenticated");
            assertThat(a.text("msg")).isNotBlank();
        }
    }

    @Test
    void eTelecomBadRoutes() {
        Answer path = post("/v1/shop.Zalo/OASendSticker", ET_KEY, "{}");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.text("code")).isEqualTo("bad_route");

        Answer method = call(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + IMAGE)).GET().build());
        assertThat(method.status()).isEqualTo(404);
        assertThat(method.text("code")).isEqualTo("bad_route");
        assertThat(method.text("msg")).contains("GET");

        Answer type = post(IMAGE, ET_KEY, "application/x-www-form-urlencoded", "a=b");
        assertThat(type.status()).isEqualTo(404);
        assertThat(type.text("code")).isEqualTo("bad_route");
        assertThat(type.text("msg")).contains("Content-Type");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON        | {"message":                                                                   | 400 | malformed
            no message      | {"oa_id":"1600190000752846","recipient":{"user_id":"8941234567136201"}}       | 400 | invalid_argument
            no image        | {"message":{},"oa_id":"1600190000752846","recipient":{"user_id":"8941234567136201"}} | 400 | invalid_argument
            url and id      | {"message":{"image_url":"https://a.vn/x.png","attachment_id":"abc"},"oa_id":"1600190000752846","recipient":{"user_id":"8941234567136201"}} | 400 | invalid_argument
            bad url         | {"message":{"image_url":"ftp://a.vn/x.png"},"oa_id":"1600190000752846","recipient":{"user_id":"8941234567136201"}} | 400 | invalid_argument
            no OA           | {"message":{"image_url":"https://a.vn/x.png"},"recipient":{"user_id":"8941234567136201"}} | 400 | invalid_argument
            no recipient    | {"message":{"image_url":"https://a.vn/x.png"},"oa_id":"1600190000752846"}      | 400 | invalid_argument
            unknown user    | {"message":{"image_url":"https://a.vn/x.png"},"oa_id":"1600190000752846","recipient":{"user_id":"1"}} | 404 | not_found
            other OA        | {"message":{"image_url":"https://a.vn/x.png"},"oa_id":"42","recipient":{"user_id":"8941234567136201"}} | 404 | not_found
            """)
    void eTelecomErrorsAreTwirpErrors(String name, String body, int status, String code) {
        Answer a = post(IMAGE, ET_KEY, body);

        assertThat(a.status()).isEqualTo(status);
        assertThat(a.text("code")).isEqualTo(code);
        assertThat(a.text("msg")).isNotBlank();
        assertThat(a.json().size()).isEqualTo(2);
    }

    @Test
    void eTelecomPartnerPathAndAttachmentIds() {
        Answer a = post("/v1/partner.Zalo/OASendImage", ET_KEY,
                "{\"message\":{\"attachment_id\":\"bXlBdHRhY2g\"},\"oa_id\":\"" + OA
                                                                  + "\",\"recipient\":{\"user_id\":\"" + NGHIA_ZALO + "\"}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(lastSent().attachmentId()).isEqualTo("bXlBdHRhY2g");
        assertThat(lastSent().imageUrl()).isNull();
    }

    @Test
    void theStatsCountEachKindOfAnswer() {
        userStatus(NGHIA);
        sendText(DUC, "Muộn");
        post(SEND, CS_KEY, "{}");
        post(STATUS, "wrong", "{}");
        sendImage(NGHIA_ZALO, "https://a.vn/x.png");

        SandboxStats s = sandbox.stats();

        assertThat(s).isEqualTo(new SandboxStats(5, 4, 1, 0, 2, 1, 1, 1, 0, 0, 0, 0));
        sandbox.resetStats();
        assertThat(sandbox.stats().requests()).isZero();
    }
}
