package io.github.camelzalo.component.zalo.binding;

import io.github.camelzalo.component.zalo.ZaloConfiguration;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.model.FollowersPage;
import io.github.camelzalo.component.zalo.model.FollowersRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code zalo:followers}: the page from {@code CamelZaloOffset} and {@code CamelZaloCount} (0 and 50 by default),
 * the filters and paging from the endpoint's {@code tag}, {@code lastInteractionPeriod}, {@code followersOnly},
 * {@code allPages} and {@code maxResults}. A {@link FollowersRequest} body is used as it is.
 */
public final class FollowersBinding implements OperationBinding<FollowersRequest, FollowersPage> {

    @Override
    public FollowersRequest read(Exchange exchange, ZaloConfiguration endpoint) {
        Message m = exchange.getMessage();
        String oaId = OaValues.oaId(m, endpoint);
        if (m.getBody() instanceof FollowersRequest request) {
            FollowersRequest r = request.withDefaultOaId(oaId);
            OaValues.requireOaId(r.getOaId());
            return r;
        }
        return FollowersRequest.builder()
                .oaId(OaValues.requireOaId(oaId))
                .offset(OaValues.integer(m, ZaloConstants.OFFSET, 0))
                .count(OaValues.integer(m, ZaloConstants.COUNT, FollowersRequest.MAX_COUNT))
                .tag(endpoint.getTag())
                .lastInteractionPeriod(endpoint.getLastInteractionPeriod())
                .followersOnly(endpoint.isFollowersOnly())
                .allPages(endpoint.isAllPages())
                .maxResults(endpoint.getMaxResults())
                .build();
    }

    @Override
    public void write(Exchange exchange, FollowersPage result) {
        exchange.getMessage().setBody(result);
    }
}
