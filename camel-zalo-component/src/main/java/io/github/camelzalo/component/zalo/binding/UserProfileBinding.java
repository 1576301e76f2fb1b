package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.UserProfile;
import io.github.camelzalo.component.zalo.model.UserRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code zalo:userProfile}: the user from {@code CamelZaloUserId}, else a String body. */
public final class UserProfileBinding implements OperationBinding<UserRequest, UserProfile> {

    @Override
    public UserRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        String oaId = OaValues.oaId(m, endpoint);
        if (m.getBody() instanceof UserRequest request) {
            UserRequest r = request.withDefaultOaId(oaId);
            OaValues.requireOaId(r.oaId());
            return r;
        }
        String userId = ExchangeValues.id(m, ZaloConstants.USER_ID);
        if (userId == null && m.getBody() instanceof CharSequence cs) {
            userId = cs.toString();
        }
        return new UserRequest(userId, OaValues.requireOaId(oaId));
    }

    @Override
    public void write(Exchange exchange, UserProfile result) {
        exchange.getMessage().setBody(result);
    }
}
