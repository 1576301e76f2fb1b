package io.github.camelzalo.component.zalo.binding;


import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.auth.TokenDigests;
import io.github.camelzalo.component.zalo.model.ZnsRequest;
import io.github.camelzalo.component.zalo.model.ZnsResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:sendZns}: to {@code CamelZaloPhoneNo}, template {@code CamelZaloTemplateId} with the data of
 * {@code CamelZaloTemplateData}, tracked as {@code CamelZaloTrackingId}, which defaults to the exchange's id (so
 * a redelivery sends the same one, and the delivery event names the exchange). A {@link ZnsRequest} body is used as
 * it is, with the same default tracking id. Sets {@code CamelZaloMessageId}, {@code CamelZaloTrackingId} and
 * {@code CamelZaloQuotaRemain} (the ZNS left today).
 */
public final class ZnsSendBinding implements OperationBinding<ZnsRequest, ZnsResult> {

    @Override
    public ZnsRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        String oaId = OaValues.oaId(m, endpoint);
        ZnsRequest r;
        if (m.getBody() instanceof ZnsRequest request) {
            r = request.getOaId() == null ? request.toBuilder().oaId(oaId).build() : request;
        } else {
            r = ZnsRequest.builder()
                    .phoneNo(ExchangeValues.text(m, ZaloConstants.PHONE_NO))
                    .templateId(ExchangeValues.id(m, ZaloConstants.TEMPLATE_ID))
                    .templateData(ParameterHeaders.read(m, ZaloConstants.TEMPLATE_DATA, ZaloConstants.TEMPLATE_DATA_PARAM))
                    .trackingId(ExchangeValues.text(m, ZaloConstants.TRACKING_ID))
                    .development(endpoint.isDevelopment())
                    .oaId(oaId)
                    .build();
        }
        OaValues.requireOaId(r.getOaId());
        return r.getTrackingId() != null ? r : r.toBuilder().trackingId(trackingIdOf(exchange)).build();
    }

    /** The exchange id when Zalo takes it as it is, else a digest of it of the same use. */
    static String trackingIdOf(Exchange exchange) {
        String id = exchange.getExchangeId();
        if (id.length() <= ZnsRequest.MAX_TRACKING_ID_LENGTH && id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return id;
        }
        return TokenDigests.sha256(id).substring(0, 40);
    }

    @Override
    public void write(Exchange exchange, ZnsResult result) {
        Message m = exchange.getMessage();
        m.setBody(result);
        m.setHeader(ZaloConstants.MESSAGE_ID, result.getMsgId());
        m.setHeader(ZaloConstants.TRACKING_ID, result.getTrackingId());
        m.setHeader(ZaloConstants.QUOTA_REMAIN, result.getRemainingQuota());
    }

}
