package io.github.camelzalo.component.zalo.model;

import java.util.List;

/**
 * Users of an OA from {@code zalo:followers}: one page, or every page read (then {@code offset} is where the first
 * began). {@code split(simple("${body.userIds}"))} goes through them.
 */
public class FollowersPage {

    private int total;
    private int offset;
    private List<String> userIds = List.of();
    private boolean complete;

    /** How many users match the filters in all. */
    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getOffset() {
        return offset;
    }

    public void setOffset(int offset) {
        this.offset = offset;
    }

    /** The users' ids at the OA, in Zalo's order. */
    public List<String> getUserIds() {
        return userIds;
    }

    public void setUserIds(List<String> userIds) {
        this.userIds = List.copyOf(userIds);
    }

    /** Whether no user after these matches: the last page was read. */
    public boolean isComplete() {
        return complete;
    }

    public void setComplete(boolean complete) {
        this.complete = complete;
    }

    @Override
    public String toString() {
        return "FollowersPage[total=" + total + ", offset=" + offset + ", users=" + userIds.size() + ", complete="
               + complete + "]";
    }
}
