package io.github.camelzalo.component.zalo.provider.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelzalo.component.zalo.model.PhoneNumbers;
import io.github.camelzalo.component.zalo.model.ZnsRequest;
import io.github.camelzalo.component.zalo.model.ZnsResult;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * {@code POST {businessBaseUrl}/message/template}: {@code phone} in {@code 84…} form, {@code template_id},
 * {@code template_data}, {@code tracking_id}, and {@code "mode":"development"} only in development mode.
 */
final class ZnsSendCodec implements OperationCodec<ZnsRequest, ZnsResult> {

    static final String PATH = "/message/template";

    @Override
    public String oaId(ZnsRequest r) {
        return r.getOaId();
    }

    @Override
    public WireRequest request(ZnsRequest r) {
        ObjectNode body = ZaloJson.object();
        body.put("phone", PhoneNumbers.toInternational(r.getPhoneNo()));
        body.put("template_id", r.getTemplateId());
        ObjectNode data = body.putObject("template_data");
        r.getTemplateData().forEach(data::put);
        if (r.getTrackingId() != null) {
            body.put("tracking_id", r.getTrackingId());
        }
        if (r.isDevelopment()) {
            body.put("mode", "development");
        }
        return WireRequest.postJson(WireRequest.Api.BUSINESS, PATH, ZaloJson.bytes(body));
    }

    @Override
    public ZnsResult decode(ZnsRequest request, HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.ZNS);
        ZnsResult result = new ZnsResult();
        result.setMsgId(ZaloJson.text(data, "msg_id"));
        result.setSentTime(ZaloJson.epochMillis(data, "sent_time"));
        result.setSendingMode(ZaloJson.text(data, "sending_mode"));
        JsonNode quota = data.get("quota");
        result.setDailyQuota(ZaloJson.number(quota, "dailyQuota"));
        result.setRemainingQuota(ZaloJson.number(quota, "remainingQuota"));
        result.setTrackingId(request.getTrackingId());
        return result;
    }
}
