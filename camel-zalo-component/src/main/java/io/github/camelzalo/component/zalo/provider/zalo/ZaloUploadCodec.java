package io.github.camelzalo.component.zalo.provider.zalo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.ZaloErrorKind;
import io.github.camelzalo.component.zalo.model.UploadRequest;
import io.github.camelzalo.component.zalo.model.UploadResult;
import io.github.camelzalo.component.zalo.model.UploadType;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ProviderFailure;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * {@code POST {openApiBaseUrl}/v2.0/oa/upload/{image|gif|file}}, {@code multipart/form-data} with one part named
 * {@code file}. Images and GIFs answer {@code data.attachment_id}, files {@code data.token}.
 */
final class ZaloUploadCodec implements OperationCodec<UploadRequest, UploadResult> {

    static final String PATH = "/v2.0/oa/upload/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String oaId(UploadRequest r) {
        return r.getOaId();
    }

    @Override
    public WireRequest request(UploadRequest r) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String boundary = "camel-zalo-" + HexFormat.of().formatHex(random);
        ByteArrayOutputStream body = new ByteArrayOutputStream(r.getContent().length + 512);
        // the file name is UTF-8 as browsers send it; UploadRequest refused quotes and control characters
        write(body, "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + r.getFileName() + "\"\r\n"
                    + "Content-Type: " + r.getContentType() + "\r\n\r\n");
        body.writeBytes(r.getContent());
        write(body, "\r\n--" + boundary + "--\r\n");
        return new WireRequest(WireRequest.Api.OPEN_API, "POST", PATH + r.getType().pathSegment(),
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public UploadResult decode(UploadRequest request, HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.OA);
        UploadResult result = new UploadResult();
        result.setType(request.getType());
        if (request.getType() == UploadType.file) {
            result.setToken(ZaloJson.text(data, "token"));
        } else {
            result.setAttachmentId(ZaloJson.text(data, "attachment_id"));
        }
        if (result.getToken() == null && result.getAttachmentId() == null) {
            throw new ProviderFailure(ZaloErrorKind.BAD_RESPONSE, reply.status(), null,
                    "The upload answer has no " + (request.getType() == UploadType.file ? "token" : "attachment_id"),
                    null);
        }
        return result;
    }
}
