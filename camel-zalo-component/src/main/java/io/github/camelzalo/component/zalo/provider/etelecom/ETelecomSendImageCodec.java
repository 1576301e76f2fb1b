package io.github.camelzalo.component.zalo.provider.etelecom;

import io.github.camelzalo.component.zalo.model.Quota;
import io.github.camelzalo.component.zalo.model.SendImageRequest;
import io.github.camelzalo.component.zalo.model.SendImageResult;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.ProviderJson;
import io.github.camelzalo.component.zalo.provider.etelecom.ETelecomWire.ImageMessage;
import io.github.camelzalo.component.zalo.provider.etelecom.ETelecomWire.Message;
import io.github.camelzalo.component.zalo.provider.etelecom.ETelecomWire.QuotaData;
import io.github.camelzalo.component.zalo.provider.etelecom.ETelecomWire.Recipient;
import io.github.camelzalo.component.zalo.provider.etelecom.ETelecomWire.SendImageBody;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code POST {BASE_URL}.Zalo/OASendImage}, e.g. {@code https://api.etelecom.vn/v1/shop.Zalo/OASendImage}. */
final class ETelecomSendImageCodec implements OperationCodec<SendImageRequest, SendImageResult> {

    @Override
    public String path() {
        return ".Zalo/OASendImage";
    }

    @Override
    public byte[] encode(SendImageRequest r) {
        return ProviderJson.write(new SendImageBody(new ImageMessage(r.getAttachmentId(), r.getImageUrl()),
                r.getOaId(), new Recipient(r.getUserId())));
    }

    @Override
    public SendImageResult decode(HttpReply reply) {
        Message m = ProviderJson.convert(ETelecomAnswers.success(reply), Message.class, reply);
        SendImageResult r = new SendImageResult();
        r.setMsgId(m.msgId());
        r.setDirection(m.direction());
        r.setType(m.type());
        r.setOaId(m.oaId());
        r.setRecipientId(m.recipientId());
        r.setSenderId(m.senderId());
        r.setShopId(m.shopId());
        r.setUserId(m.userId());
        r.setZlUserId(m.zlUserId());
        r.setWlPartnerId(m.wlPartnerId());
        QuotaData q = m.quota();
        if (q != null) {
            Quota quota = new Quota();
            quota.setQuotaType(q.quotaType());
            quota.setRemain(q.remain());
            quota.setTotal(q.total());
            quota.setExpiredDate(q.expiredDate());
            quota.setOwnerId(q.ownerId());
            quota.setOwnerType(q.ownerType());
            r.setQuota(quota);
        }
        return r;
    }
}
