package io.github.camelzalo.sandbox;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code POST /v2.0/oa/upload/{image|gif|file}}: multipart part {@code file}, sizes, types, 7 days, per OA. */
class OaUploadTest extends ZaloApiFixture {

    static final byte[] PNG = bytes(new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 200);
    static final byte[] JPG = bytes(new int[] { 0xFF, 0xD8, 0xFF, 0xE0 }, 300);
    static final byte[] GIF = bytes(new int[] { 'G', 'I', 'F', '8', '9', 'a' }, 300);
    static final byte[] PDF = bytes(new int[] { '%', 'P', 'D', 'F', '-', '1', '.', '7' }, 500);
    static final byte[] DOCX = bytes(new int[] { 'P', 'K', 3, 4 }, 500);

    String token;

    @BeforeEach
    void startSandbox() {
        start(zaloBuilder().officialAccount(OAuthTest.SECOND_OA, "s2"));
        token = sandbox.issueTokens(OA).accessToken();
    }

    static byte[] bytes(int[] magic, int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        for (int i = 0; i < magic.length; i++) {
            b[i] = (byte) magic[i];
        }
        return b;
    }

    Answer upload(String kind, String accessToken, String partName, String fileName, byte[] data) {
        String boundary = "----sandbox7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\""
                         + (fileName != null ? "; filename=\"" + fileName + "\"" : "")
                         + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.zaloOpenApiBaseUrl() + "/v2.0/oa/upload/"
                                                                  + kind))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (accessToken != null) {
            b.header("access_token", accessToken);
        }
        return callRaw(b.build());
    }

    @Test
    void anImageUploadGivesAnAttachmentIdThatAnImageMessageSends() {
        Answer up = upload("image", token, "file", "don-hang.png", PNG);

        assertThat(error(up)).isZero();
        String id = up.data().get("attachment_id").asText();
        assertThat(up.data().size()).isEqualTo(1);
        ZaloUpload stored = sandbox.uploads().all().get(0);
        assertThat(stored).extracting(ZaloUpload::id, ZaloUpload::kind, ZaloUpload::oaId, ZaloUpload::fileName,
                ZaloUpload::size).containsExactly(id, "image", OA, "don-hang.png", 200L);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(TokenDigest.sha256(PNG)));
        assertThat(stored.expiresAt()).isEqualTo(clock.now().plus(Duration.ofDays(7)));

        Answer sent = sendOa("cs", token, NGHIA_ZALO, OaMessagesTest.media("image", id));

        assertThat(error(sent)).isZero();
        assertThat(lastSent()).extracting(OutboxMessage::format, OutboxMessage::attachmentId, OutboxMessage::imageUrl)
                .containsExactly("image", id, null);
        assertThat(error(upload("image", token, "file", "a.jpg", JPG))).isZero();
    }

    @Test
    void gifsAndFilesHaveTheirOwnUploadsAndMessages() {
        String gif = upload("gif", token, "file", "vui.gif", GIF).data().get("attachment_id").asText();
        Answer pdf = upload("file", token, "file", "hoa-don.pdf", PDF);
        Answer docx = upload("file", token, "file", null, DOCX);
        String fileToken = pdf.data().get("token").asText();

        Answer gifSent = sendOa("cs", token, NGHIA_ZALO, OaMessagesTest.media("gif", gif));
        Answer fileSent = sendOa("cs", token, NGHIA_ZALO, "{\"attachment\":{\"type\":\"file\",\"payload\":{"
                                                         + "\"token\":\"" + fileToken + "\"}}}");

        assertThat(pdf.data().has("attachment_id")).isFalse();
        assertThat(error(docx)).isZero();
        assertThat(error(gifSent)).isZero();
        assertThat(error(fileSent)).isZero();
        assertThat(sandbox.outbox().messages()).extracting(OutboxMessage::format, OutboxMessage::attachmentId)
                .containsExactly(tuple("gif", gif),
                        tuple("file", fileToken));
    }

    @Test
    void sizesAreLimitedPerKind() {
        byte[] image = bytes(new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, OaUploader.MB);
        byte[] bigImage = bytes(new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, OaUploader.MB + 1);
        byte[] bigGif = bytes(new int[] { 'G', 'I', 'F', '8', '9', 'a' }, 5 * OaUploader.MB + 1);
        byte[] hugeFile = bytes(new int[] { '%', 'P', 'D', 'F', '-' }, 7 * OaUploader.MB);

        assertThat(error(upload("image", token, "file", "a.png", image))).isZero();
        Answer tooBig = upload("image", token, "file", "a.png", bigImage);
        assertThat(error(tooBig)).isEqualTo(-210);
        assertThat(tooBig.text("message")).contains("1 MB");
        assertThat(error(upload("gif", token, "file", "a.gif", bigGif))).isEqualTo(-210);
        assertThat(error(upload("file", token, "file", "a.pdf", hugeFile))).isEqualTo(-210);
        assertThat(error(upload("image", token, "file", "a.png", PNG))).as("the connection still works").isZero();
    }

    @Test
    void typesMissingPartsAndWrongRequestsAreMinus201() {
        Answer pdfAsImage = upload("image", token, "file", "a.png", PDF);
        Answer pngAsGif = upload("gif", token, "file", "a.gif", PNG);
        Answer exeName = upload("file", token, "file", "setup.exe", PDF);
        Answer imageAsFile = upload("file", token, "file", "a.png", PNG);
        Answer wrongPart = upload("image", token, "image", "a.png", PNG);
        Answer empty = upload("image", token, "file", "a.png", new byte[0]);
        Answer notMultipart = openApi("POST", "/v2.0/oa/upload/image", token, "{}");
        Answer noToken = upload("image", null, "file", "a.png", PNG);

        assertThat(error(pdfAsImage)).isEqualTo(-201);
        assertThat(pdfAsImage.text("message")).contains("JPG or PNG");
        assertThat(error(pngAsGif)).isEqualTo(-201);
        assertThat(error(exeName)).isEqualTo(-201);
        assertThat(error(imageAsFile)).isEqualTo(-201);
        assertThat(imageAsFile.text("message")).contains("PDF, DOC or DOCX");
        assertThat(error(wrongPart)).isEqualTo(-201);
        assertThat(wrongPart.text("message")).contains("file is required");
        assertThat(error(empty)).isEqualTo(-201);
        assertThat(error(notMultipart)).isEqualTo(-201);
        assertThat(notMultipart.text("message")).contains("multipart/form-data");
        assertThat(error(noToken)).isEqualTo(-216);
        assertThat(sandbox.uploads().all()).isEmpty();
    }

    @Test
    void uploadsExpireAfterSevenDaysAndBelongToTheirOa() {
        String id = upload("image", token, "file", "a.png", PNG).data().get("attachment_id").asText();
        String fileToken = upload("file", token, "file", "a.pdf", PDF).data().get("token").asText();
        String second = sandbox.issueTokens(OAuthTest.SECOND_OA).accessToken();

        Answer otherOa = sendOa("cs", second, NGHIA_ZALO, OaMessagesTest.media("image", id));
        Answer imageAsFile = sendOa("cs", token, NGHIA_ZALO, "{\"attachment\":{\"type\":\"file\",\"payload\":{"
                                                             + "\"token\":\"" + id + "\"}}}");
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        token = sandbox.issueTokens(OA).accessToken();
        Answer lastSecond = sendOa("cs", token, NGHIA_ZALO, OaMessagesTest.media("image", id));
        clock.advance(Duration.ofSeconds(1));
        Answer expired = sendOa("cs", token, NGHIA_ZALO, OaMessagesTest.media("image", id));
        Answer expiredFile = sendOa("cs", token, NGHIA_ZALO, "{\"attachment\":{\"type\":\"file\",\"payload\":{"
                                                             + "\"token\":\"" + fileToken + "\"}}}");

        assertThat(error(otherOa)).isEqualTo(-201);
        assertThat(error(imageAsFile)).isEqualTo(-201);
        assertThat(error(lastSecond)).isNotEqualTo(-100);
        assertThat(error(expired)).isEqualTo(-100);
        assertThat(expired.text("message")).contains("expired");
        assertThat(error(expiredFile)).isEqualTo(-100);
    }
}
