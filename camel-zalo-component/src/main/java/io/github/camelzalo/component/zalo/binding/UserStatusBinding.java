package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.ZaloValidationException;
import io.github.camelzalo.component.zalo.model.UserStatus;
import io.github.camelzalo.component.zalo.model.UserStatusRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Phone number from {@code CamelZaloPhoneNo}, else a String body (or a {@link UserStatusRequest} body). */
public final class UserStatusBinding implements OperationBinding<UserStatusRequest, UserStatus> {

    @Override
    public UserStatusRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        String defaultOaId = endpoint.getOaId();
        Message m = exchange.getMessage();
        Object body = m.getBody();
        String oaId = ExchangeValues.id(m, ZaloConstants.OA_ID);
        ExchangeValues.notAnotherOperationsRequest(m.getBody(), UserStatusRequest.class, "userStatus");
        if (body instanceof UserStatusRequest request) {
            return request.withDefaultOaId(oaId != null ? oaId : defaultOaId);
        }
        String phone = ExchangeValues.text(m, ZaloConstants.PHONE_NO);
        if (phone == null) {
            if (body instanceof CharSequence cs) {
                phone = cs.toString();
            } else {
                throw new ZaloValidationException(ZaloConstants.PHONE_NO,
                        "is required: set the header or send the phone number as a String body"
                                                                          + (body != null ? " (the body is a "
                                                                                            + body.getClass().getName()
                                                                                            + ")" : ""));
            }
        }
        return UserStatusRequest.builder().phoneNo(phone).oaId(oaId != null ? oaId : defaultOaId).build();
    }

    @Override
    public void write(Exchange exchange, UserStatus result) {
        exchange.getMessage().setBody(result);
    }
}
