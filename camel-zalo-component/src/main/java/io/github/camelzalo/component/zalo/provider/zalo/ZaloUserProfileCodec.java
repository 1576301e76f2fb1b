package io.github.camelzalo.component.zalo.provider.zalo;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.model.UserProfile;
import io.github.camelzalo.component.zalo.model.UserRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/** {@code GET {openApiBaseUrl}/v3.0/oa/user/detail?data={"user_id":"…"}}. */
final class ZaloUserProfileCodec implements OperationCodec<UserRequest, UserProfile> {

    static final String PATH = "/v3.0/oa/user/detail";

    @Override
    public String oaId(UserRequest r) {
        return r.oaId();
    }

    @Override
    public WireRequest request(UserRequest r) {
        return WireRequest.get(WireRequest.Api.OPEN_API,
                PATH + "?" + ZaloJson.query("data", ZaloJson.object().put("user_id", r.userId())));
    }

    @Override
    public UserProfile decode(HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.OA);
        UserProfile p = new UserProfile();
        p.setUserId(ZaloJson.text(data, "user_id"));
        p.setUserIdByApp(ZaloJson.text(data, "user_id_by_app"));
        p.setDisplayName(ZaloJson.text(data, "display_name"));
        p.setUserAlias(ZaloJson.text(data, "user_alias"));
        p.setAvatar(ZaloJson.text(data, "avatar"));
        p.setFollower(ZaloJson.flag(data, "user_is_follower"));
        p.setLastInteractionDate(ZaloJson.day(data, "user_last_interaction_date"));
        JsonNode tags = data.get("tags_and_notes_info");
        if (tags != null && tags.isObject()) {
            p.setTagNames(ZaloJson.texts(tags.get("tag_names")));
            p.setNotes(ZaloJson.texts(tags.get("notes")));
        }
        JsonNode shared = data.get("shared_info");
        if (shared != null && shared.isObject() && shared.size() > 0) {
            UserProfile.SharedInfo info = new UserProfile.SharedInfo();
            info.setName(ZaloJson.text(shared, "name"));
            info.setPhone(ZaloJson.text(shared, "phone"));
            info.setAddress(ZaloJson.text(shared, "address"));
            info.setCity(ZaloJson.text(shared, "city"));
            info.setDistrict(ZaloJson.text(shared, "district"));
            p.setSharedInfo(info);
        }
        return p;
    }
}
