package io.github.camelzalo.component.zalo.provider.zalo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelzalo.component.zalo.model.ZnsTemplate;
import io.github.camelzalo.component.zalo.model.ZnsTemplateRequest;
import io.github.camelzalo.component.zalo.provider.OperationCodec;
import io.github.camelzalo.component.zalo.provider.WireRequest;
import io.github.camelzalo.component.zalo.transport.HttpReply;

/**
 * {@code GET {businessBaseUrl}/template/info?template_id=…} for one template (a {@link ZnsTemplate}), or
 * {@code GET …/template/all?offset=…&limit=…[&status=…]} for a page of them (a {@code List<ZnsTemplate>}).
 */
final class ZnsTemplateCodec implements OperationCodec<ZnsTemplateRequest, Object> {

    static final String INFO = "/template/info";
    static final String ALL = "/template/all";

    @Override
    public String oaId(ZnsTemplateRequest r) {
        return r.oaId();
    }

    @Override
    public WireRequest request(ZnsTemplateRequest r) {
        if (r.templateId() != null) {
            return WireRequest.get(WireRequest.Api.BUSINESS, INFO + "?" + ZaloJson.param("template_id", r.templateId()));
        }
        return WireRequest.get(WireRequest.Api.BUSINESS, ALL + "?offset=" + r.offset() + "&limit=" + r.limit()
                                                         + (r.status() != null ? "&status=" + r.status() : ""));
    }

    @Override
    public Object decode(ZnsTemplateRequest request, HttpReply reply) {
        JsonNode data = ZaloAnswers.data(reply, ZaloErrorCodes.ZNS);
        if (request.templateId() != null) {
            return template(data);
        }
        List<ZnsTemplate> all = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(t -> all.add(template(t)));
        }
        return all;
    }

    static ZnsTemplate template(JsonNode t) {
        ZnsTemplate template = new ZnsTemplate();
        template.setTemplateId(ZaloJson.text(t, "templateId"));
        template.setTemplateName(ZaloJson.text(t, "templateName"));
        template.setStatus(ZaloJson.text(t, "status"));
        template.setPrice(ZaloJson.text(t, "price"));
        template.setPreviewUrl(ZaloJson.text(t, "previewUrl"));
        List<ZnsTemplate.Param> params = new ArrayList<>();
        JsonNode list = t.get("listParams");
        if (list != null && list.isArray()) {
            list.forEach(p -> {
                ZnsTemplate.Param param = new ZnsTemplate.Param();
                param.setName(ZaloJson.text(p, "name"));
                param.setRequire(ZaloJson.flag(p, "require"));
                param.setType(ZaloJson.text(p, "type"));
                Long max = ZaloJson.number(p, "maxLength");
                Long min = ZaloJson.number(p, "minLength");
                param.setMaxLength(max == null ? null : max.intValue());
                param.setMinLength(min == null ? null : min.intValue());
                param.setAcceptNull(ZaloJson.flag(p, "acceptNull"));
                params.add(param);
            });
        }
        template.setListParams(params);
        return template;
    }
}
