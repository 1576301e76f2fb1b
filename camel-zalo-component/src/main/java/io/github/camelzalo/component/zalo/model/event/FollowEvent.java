package io.github.camelzalo.component.zalo.model.event;

/** A user followed ({@code follow}) or unfollowed ({@code unfollow}) the OA; the user id is the follower's. */
public class FollowEvent extends ZaloEvent {

    private String source;

    /** {@code true} for {@code follow}, {@code false} for {@code unfollow}. */
    public boolean isFollow() {
        return "follow".equals(getEventName());
    }

    /** Where the user followed from, as Zalo says it ({@code oa_profile}, {@code qr_code}, …), or {@code null}. */
    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
