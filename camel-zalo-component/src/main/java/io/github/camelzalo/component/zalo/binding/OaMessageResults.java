package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.OaMessageResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** How the answer to an OA message goes onto the exchange, for send, sendImage and sendFile on provider zalo. */
final class OaMessageResults {

    private OaMessageResults() {
    }

    static void write(Exchange exchange, OaMessageResult result) {
        Message m = exchange.getMessage();
        m.setBody(result);
        m.setHeader(ZaloConstants.MESSAGE_ID, result.getMessageId());
        if (result.getQuota() != null) {
            m.setHeader(ZaloConstants.QUOTA_TYPE, result.getQuota().getQuotaType());
            m.setHeader(ZaloConstants.QUOTA_REMAIN, result.getQuota().getRemain());
        }
    }
}
