package io.github.camelzalo.component.zalo.provider.zalo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelzalo.component.zalo.model.FollowersPage;
import io.github.camelzalo.component.zalo.model.FollowersRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.PagedCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * {@code GET {openApiBaseUrl}/v3.0/oa/user/getlist?data={"offset":…,"count":…,…}}, one page; the producer asks
 * for the next ones while the request wants every page.
 */
final class ZaloFollowersCodec implements OperationCodec<FollowersRequest, FollowersPage>,
        PagedCodec<FollowersRequest, FollowersPage> {

    static final String PATH = "/v3.0/oa/user/getlist";

    @Override
    public String oaId(FollowersRequest r) {
        return r.getOaId();
    }

    @Override
    public WireRequest request(FollowersRequest r) {
        ObjectNode data = ZaloJson.object().put("offset", r.getOffset()).put("count", r.getCount());
        if (r.getTag() != null) {
            data.put("tag_name", r.getTag());
        }
        if (r.getLastInteractionPeriod() != null) {
            data.put("last_interaction_period", r.getLastInteractionPeriod());
        }
        if (r.isFollowersOnly()) {
            data.put("is_follower", "true");
        }
        return WireRequest.get(WireRequest.Api.OPEN_API, PATH + "?" + ZaloJson.query("data", data));
    }

    @Override
    public FollowersPage decode(FollowersRequest request, HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.OA);
        FollowersPage page = new FollowersPage();
        Long total = ZaloJson.number(data, "total");
        Long offset = ZaloJson.number(data, "offset");
        page.setOffset(offset != null ? offset.intValue() : request.getOffset());
        List<String> ids = new ArrayList<>();
        JsonNode users = data.get("users");
        if (users != null && users.isArray()) {
            users.forEach(u -> {
                String id = ZaloJson.text(u, "user_id");
                if (id != null) {
                    ids.add(id);
                }
            });
        }
        page.setUserIds(ids);
        page.setTotal(total != null ? total.intValue() : page.getOffset() + ids.size());
        page.setComplete(ids.isEmpty() || page.getOffset() + ids.size() >= page.getTotal());
        return page;
    }

    @Override
    public FollowersRequest next(FollowersRequest request, FollowersPage soFar, FollowersPage last) {
        if (!request.isAllPages()) {
            return null;
        }
        return request.next(last, soFar.getUserIds().size());
    }

    @Override
    public FollowersPage merge(FollowersPage soFar, FollowersPage last) {
        FollowersPage merged = new FollowersPage();
        merged.setTotal(last.getTotal());
        merged.setOffset(soFar.getOffset());
        List<String> ids = new ArrayList<>(soFar.getUserIds());
        ids.addAll(last.getUserIds());
        merged.setUserIds(ids);
        merged.setComplete(last.isComplete());
        return merged;
    }
}
