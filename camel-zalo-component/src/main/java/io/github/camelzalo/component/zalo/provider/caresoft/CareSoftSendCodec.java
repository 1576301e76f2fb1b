package io.github.camelzalo.component.zalo.provider.caresoft;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.model.SendMessageRequest;
import io.github.camelzalo.component.zalo.model.SendMessageResult;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.SendMessageBody;
import io.github.camelzalo.component.zalo.provider.caresoft.CareSoftWire.SendMessageZalo;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code POST {domain}/api/v1/zalo/send-message} with one object {@code zalo}. */
final class CareSoftSendCodec implements OperationCodec<SendMessageRequest, SendMessageResult> {

    @Override
    public String path() {
        return "/api/v1/zalo/send-message";
    }

    @Override
    public byte[] encode(SendMessageRequest r) {
        return ProviderJson.write(new SendMessageBody(new SendMessageZalo(r.getPhoneNo(), r.getContactId(), r.getOaId(),
                r.getScriptId(), r.getTemplateParams(), r.getMessage())));
    }

    @Override
    public SendMessageResult decode(HttpReply reply) {
        JsonNode json = CareSoftAnswers.success(reply);
        return new SendMessageResult(ProviderJson.text(json, "code"), ProviderJson.text(json, "message"));
    }
}
