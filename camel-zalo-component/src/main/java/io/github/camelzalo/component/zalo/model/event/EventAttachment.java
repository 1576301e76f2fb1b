package io.github.camelzalo.component.zalo.model.event;

/**
 * One attachment of a {@link MessageEvent} ({@code message.attachments[]}): its type and what its payload gives for
 * that type. Fields the type does not have are {@code null}.
 */
public class EventAttachment {

    private String type;
    private String url;
    private String thumbnail;
    private String name;
    private Long size;
    private Double latitude;
    private Double longitude;

    /** image, gif, sticker, file, audio, video, link or location. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Where the image, file, sticker, media or link is. */
    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getThumbnail() {
        return thumbnail;
    }

    public void setThumbnail(String thumbnail) {
        this.thumbnail = thumbnail;
    }

    /** A file's name. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** A file's size in bytes. */
    public Long getSize() {
        return size;
    }

    public void setSize(Long size) {
        this.size = size;
    }

    /** A shared location's latitude. */
    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    /** A shared location's longitude. */
    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    @Override
    public String toString() {
        return "EventAttachment[" + type + "]";
    }
}
