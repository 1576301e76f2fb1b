package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** User detail and list, the OA's info and a user's quota, over the directory and its optional CSV columns. */
class OaUsersTest extends ZaloApiFixture {

    @TempDir
    Path dir;

    String token;

    void startWithProfiles() throws IOException {
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, """
                phone,contact_id,zalo_id,name,follows,last_interaction,replies_used,tags,notes,shares_info,address,city,district,alias,zns_consent,admin
                0961000001,700001,8941234567136301,Đặng Văn Lâm,true,-1h,0,vip;hanoi,Khách quen,true,12 Lý Thường Kiệt,Hà Nội,Hoàn Kiếm,Anh Lâm,,
                0961000002,700002,8941234567136302,Bùi Thị Mai,false,-1d,0,hanoi,,,,,,,false,true
                """, StandardCharsets.UTF_8);
        start(zaloBuilder().customers(csv));
        token = sandbox.issueTokens(OA).accessToken();
    }

    void startPlain() {
        start(zaloBuilder());
        token = sandbox.issueTokens(OA).accessToken();
    }

    Answer getWithData(String path, String data) {
        return openApi("GET", path + "?data=" + URLEncoder.encode(data, StandardCharsets.UTF_8), token, null);
    }

    @Test
    void userDetailShowsTheProfileAndThePhoneOnlyWhenShared() throws IOException {
        startWithProfiles();

        Answer lam = getWithData("/v3.0/oa/user/detail", "{\"user_id\":\"8941234567136301\"}");
        Answer mai = getWithData("/v3.0/oa/user/detail", "{\"user_id\":8941234567136302}");

        assertThat(error(lam)).isZero();
        JsonNode d = lam.data();
        assertThat(d.get("user_id").asText()).isEqualTo("8941234567136301");
        assertThat(d.get("user_id_by_app").asText()).matches("\\d{18}")
                .isEqualTo(UserIds.byApp(APP_ID, "8941234567136301"))
                .isNotEqualTo(UserIds.byApp("1", "8941234567136301"));
        assertThat(d.get("display_name").asText()).isEqualTo("Đặng Văn Lâm");
        assertThat(d.get("user_alias").asText()).isEqualTo("Anh Lâm");
        assertThat(d.get("user_is_follower").asBoolean()).isTrue();
        assertThat(d.get("user_last_interaction_date").asText()).isEqualTo("02/03/2026");
        assertThat(d.get("tags_and_notes_info").get("tag_names")).extracting(JsonNode::asText)
                .containsExactly("vip", "hanoi");
        assertThat(d.get("tags_and_notes_info").get("notes")).extracting(JsonNode::asText)
                .containsExactly("Khách quen");
        JsonNode shared = d.get("shared_info");
        assertThat(shared.get("phone").asText()).isEqualTo("84961000001");
        assertThat(shared.get("name").asText()).isEqualTo("Đặng Văn Lâm");
        assertThat(shared.get("address").asText()).isEqualTo("12 Lý Thường Kiệt");
        assertThat(shared.get("city").asText()).isEqualTo("Hà Nội");
        assertThat(shared.get("district").asText()).isEqualTo("Hoàn Kiếm");
        assertThat(mai.data().has("shared_info")).isFalse();
        assertThat(mai.data().toString()).doesNotContain("0961000002").doesNotContain("84961000002");
        assertThat(mai.data().get("user_is_follower").asBoolean()).isFalse();
        Customer maiCustomer = sandbox.directory().find("0961000002").orElseThrow();
        assertThat(maiCustomer.profile().znsConsent()).isFalse();
        assertThat(maiCustomer.profile().admin()).isTrue();
        assertThat(sandbox.directory().find("0961000001").orElseThrow().profile().znsConsent()).isTrue();
    }

    @Test
    void userDetailRefusesAMissingUnknownOrMalformedUser() {
        startPlain();

        Answer unknown = getWithData("/v3.0/oa/user/detail", "{\"user_id\":\"1\"}");
        Answer noData = openApi("GET", "/v3.0/oa/user/detail", token, null);
        Answer notJson = getWithData("/v3.0/oa/user/detail", "{user_id");
        Answer noToken = openApi("GET", "/v3.0/oa/user/detail?data=%7B%7D", null, null);

        assertThat(error(unknown)).isEqualTo(-201);
        assertThat(unknown.text("message")).contains("user_id");
        assertThat(error(noData)).isEqualTo(-201);
        assertThat(noData.text("message")).contains("data");
        assertThat(error(notJson)).isEqualTo(-201);
        assertThat(error(noToken)).isEqualTo(-216);
        Answer never = getWithData("/v3.0/oa/user/detail", "{\"user_id\":\"8941234567136205\"}");
        assertThat(never.data().has("user_last_interaction_date")).isFalse();
    }

    @Test
    void theUserListPagesAndFilters() throws IOException {
        startPlain();
        // on Zalo: Nghĩa (follows, -2h), Bích (not, -1d), Đức (follows, -10d), Hà (follows, -5h), Cường (follows,
        // never); Khánh has no Zalo account
        Answer all = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":50}");
        Answer page = getWithData("/v3.0/oa/user/getlist", "{\"offset\":2,\"count\":2}");
        Answer followers = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":50,\"is_follower\":"
                                                                + "\"false\"}");
        Answer week = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":50,"
                                                           + "\"last_interaction_period\":\"L7D\",\"is_follower\":true}");
        Answer today = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":50,"
                                                            + "\"last_interaction_period\":\"TODAY\"}");
        Answer yesterday = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":50,"
                                                                + "\"last_interaction_period\":\"YESTERDAY\"}");

        assertThat(ids(all)).containsExactly(NGHIA_ZALO, BICH_ZALO, "8941234567136203", "8941234567136204",
                "8941234567136205");
        assertThat(all.data().get("total").asInt()).isEqualTo(5);
        assertThat(page.data().get("total").asInt()).isEqualTo(5);
        assertThat(page.data().get("count").asInt()).isEqualTo(2);
        assertThat(page.data().get("offset").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly("8941234567136203", "8941234567136204");
        assertThat(ids(followers)).containsExactly(BICH_ZALO);
        assertThat(ids(week)).containsExactly(NGHIA_ZALO, "8941234567136204");
        assertThat(ids(today)).containsExactly(NGHIA_ZALO, "8941234567136204");
        assertThat(ids(yesterday)).containsExactly(BICH_ZALO);
    }

    @Test
    void theUserListFiltersByTagAndChecksItsParameters() throws IOException {
        startWithProfiles();

        Answer vip = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":10,\"tag_name\":\"vip\"}");
        Answer hanoi = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":10,\"tag_name\":\"hanoi\"}");
        Answer tooMany = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":51}");
        Answer noCount = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0}");
        Answer badPeriod = getWithData("/v3.0/oa/user/getlist", "{\"offset\":0,\"count\":5,"
                                                                + "\"last_interaction_period\":\"L90D\"}");

        assertThat(ids(vip)).containsExactly("8941234567136301");
        assertThat(ids(hanoi)).containsExactly("8941234567136301", "8941234567136302");
        assertThat(error(tooMany)).isEqualTo(-210);
        assertThat(error(noCount)).isEqualTo(-201);
        assertThat(noCount.text("message")).contains("count");
        assertThat(error(badPeriod)).isEqualTo(-201);
    }

    @Test
    void getoaDescribesTheOaOfTheToken() {
        start(zaloBuilder().officialAccount(OAuthTest.SECOND_OA, "s2", "Cửa hàng Hai"));
        String second = sandbox.issueTokens(OAuthTest.SECOND_OA).accessToken();

        Answer a = openApi("GET", "/v2.0/oa/getoa", second, null);

        assertThat(error(a)).isZero();
        assertThat(a.data().get("oaid").asText()).isEqualTo(OAuthTest.SECOND_OA);
        assertThat(a.data().get("name").asText()).isEqualTo("Cửa hàng Hai");
        assertThat(a.data().get("num_follower").asInt()).isEqualTo(4);
        assertThat(a.data().get("is_verified").asBoolean()).isTrue();
        assertThat(a.data().get("package_valid_through_date").asText()).isEqualTo("01/04/2026");
    }

    @Test
    void aUsersQuotaShowsFreeRepliesAndPromotionsLeft() {
        startPlain();
        sendOa("cs", token, NGHIA_ZALO, text("Một"));
        sendOa("cs", token, NGHIA_ZALO, text("Hai"));
        sendOa("promotion", token, NGHIA_ZALO, OaMessagesTest.template("promotion",
                OaMessagesTest.ORDER_ELEMENTS));

        Answer a = openApi("POST", "/v3.0/oa/quota/message", token, "{\"user_id\":\"" + NGHIA_ZALO + "\"}");
        Answer unknown = openApi("POST", "/v3.0/oa/quota/message", token, "{\"user_id\":\"42\"}");

        assertThat(error(a)).isZero();
        JsonNode d = a.data();
        assertThat(d.get("last_interaction").asText()).isEqualTo("02/03/2026 07:00:00");
        assertThat(d.get("cs_reply").get("remain").asInt()).isEqualTo(6);
        assertThat(d.get("cs_reply").get("total").asInt()).isEqualTo(8);
        assertThat(d.get("promotion").get("daily_remain").asInt()).isEqualTo(4);
        assertThat(d.get("promotion").get("daily_total").asInt()).isEqualTo(5);
        assertThat(d.get("promotion").get("monthly_remain").asInt()).isEqualTo(49);
        assertThat(d.get("promotion").get("monthly_total").asInt()).isEqualTo(50);
        assertThat(error(unknown)).isEqualTo(-201);
    }

    private static List<String> ids(Answer a) {
        assertThat(error(a)).as(String.valueOf(a.json())).isZero();
        List<String> ids = new ArrayList<>();
        a.data().get("users").forEach(u -> ids.add(u.get("user_id").asText()));
        return ids;
    }
}
