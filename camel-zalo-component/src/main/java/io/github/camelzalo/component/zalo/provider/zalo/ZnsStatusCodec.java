package io.github.camelzalo.component.zalo.provider.zalo;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.model.PhoneNumbers;
import io.github.camelzalo.component.zalo.model.ZnsDeliveryStatus;
import io.github.camelzalo.component.zalo.model.ZnsStatusRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code GET {businessBaseUrl}/message/status?message_id=…&phone=84…}. */
final class ZnsStatusCodec implements OperationCodec<ZnsStatusRequest, ZnsDeliveryStatus> {

    static final String PATH = "/message/status";

    @Override
    public String oaId(ZnsStatusRequest r) {
        return r.oaId();
    }

    @Override
    public WireRequest request(ZnsStatusRequest r) {
        return WireRequest.get(WireRequest.Api.BUSINESS, PATH + "?" + ZaloJson.param("message_id", r.msgId()) + "&"
                                                         + ZaloJson.param("phone",
                                                                 PhoneNumbers.toInternational(r.phoneNo())));
    }

    @Override
    public ZnsDeliveryStatus decode(ZnsStatusRequest request, HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.ZNS);
        ZnsDeliveryStatus s = new ZnsDeliveryStatus();
        s.setMsgId(request.msgId());
        s.setStatus(ZaloJson.text(data, "status"));
        s.setDeliveryTime(ZaloJson.epochMillis(data, "delivery_time"));
        s.setMessage(ZaloJson.text(data, "message"));
        return s;
    }
}
