package io.github.camelzalo.component.zalo.model;

import java.util.List;

/**
 * A ZNS template of the OA ({@code zalo:znsTemplate}): its parameters ({@code listParams}) when described by id,
 * which {@code sendZns} can check its data against before sending.
 */
public class ZnsTemplate {

    private String templateId;
    private String templateName;
    private String status;
    private List<Param> listParams = List.of();
    private String price;
    private String previewUrl;

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    /** {@code ENABLE}, {@code PENDING_REVIEW}, {@code REJECT} or {@code DISABLE}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** The template's parameters; empty in the list. */
    public List<Param> getListParams() {
        return listParams;
    }

    public void setListParams(List<Param> listParams) {
        this.listParams = listParams == null ? List.of() : List.copyOf(listParams);
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public String getPreviewUrl() {
        return previewUrl;
    }

    public void setPreviewUrl(String previewUrl) {
        this.previewUrl = previewUrl;
    }

    @Override
    public String toString() {
        return "ZnsTemplate[templateId=" + templateId + ", status=" + status + ", params=" + listParams.size() + "]";
    }

    /** One parameter of a template. */
    public static class Param {
        private String name;
        private boolean require;
        private String type;
        private Integer maxLength;
        private Integer minLength;
        private boolean acceptNull;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isRequire() {
            return require;
        }

        public void setRequire(boolean require) {
            this.require = require;
        }

        /** Zalo's type of the parameter, e.g. {@code STRING}, {@code NUMBER}, {@code DATE}. */
        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public Integer getMaxLength() {
            return maxLength;
        }

        public void setMaxLength(Integer maxLength) {
            this.maxLength = maxLength;
        }

        public Integer getMinLength() {
            return minLength;
        }

        public void setMinLength(Integer minLength) {
            this.minLength = minLength;
        }

        public boolean isAcceptNull() {
            return acceptNull;
        }

        public void setAcceptNull(boolean acceptNull) {
            this.acceptNull = acceptNull;
        }

        @Override
        public String toString() {
            return "Param[" + name + ", " + type + (require ? ", required" : "") + "]";
        }
    }
}
