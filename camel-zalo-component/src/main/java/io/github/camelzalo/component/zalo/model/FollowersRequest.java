package io.github.camelzalo.component.zalo.model;

import java.util.Locale;
import java.util.Set;

import io.github.camelzalo.component.zalo.ZaloValidationException;

import static io.github.camelzalo.component.zalo.ZaloConstants.COUNT;
import static io.github.camelzalo.component.zalo.ZaloConstants.OA_ID;
import static io.github.camelzalo.component.zalo.ZaloConstants.OFFSET;

/**
 * Which users of an OA {@code zalo:followers} lists: one page ({@code offset}, {@code count} up to 50), or every
 * page up to {@code maxResults}; filtered by tag, by last interaction ({@code TODAY}, {@code YESTERDAY}, {@code L7D},
 * {@code L30D}) and to followers only.
 */
public final class FollowersRequest {

    /** Zalo's largest page. */
    public static final int MAX_COUNT = 50;
    public static final Set<String> PERIODS = Set.of("TODAY", "YESTERDAY", "L7D", "L30D");

    private final String oaId;
    private final int offset;
    private final int count;
    private final String tag;
    private final String lastInteractionPeriod;
    private final boolean followersOnly;
    private final boolean allPages;
    private final int maxResults;

    private FollowersRequest(Builder b) {
        if (b.offset < 0) {
            throw new ZaloValidationException(OFFSET, "must be 0 or more");
        }
        if (b.count < 1 || b.count > MAX_COUNT) {
            throw new ZaloValidationException(COUNT, "must be 1 to " + MAX_COUNT + ", but was " + b.count);
        }
        if (b.maxResults < 1) {
            throw new ZaloValidationException("maxResults", "must be 1 or more");
        }
        this.oaId = b.oaId == null ? null : Checks.numericId(OA_ID, b.oaId);
        this.offset = b.offset;
        // every page up to maxResults: a first page need not be larger than that
        this.count = b.allPages ? Math.min(b.count, b.maxResults) : b.count;
        this.tag = b.tag == null || b.tag.isBlank() ? null : OaChecks.text("tag", b.tag.strip(), 100);
        if (b.lastInteractionPeriod != null && !b.lastInteractionPeriod.isBlank()) {
            String p = b.lastInteractionPeriod.strip().toUpperCase(Locale.ROOT);
            if (!PERIODS.contains(p)) {
                throw new ZaloValidationException("lastInteractionPeriod", "must be TODAY, YESTERDAY, L7D or L30D");
            }
            this.lastInteractionPeriod = p;
        } else {
            this.lastInteractionPeriod = null;
        }
        this.followersOnly = b.followersOnly;
        this.allPages = b.allPages;
        this.maxResults = b.maxResults;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The request for the page after {@code page}, or {@code null} when there is none or enough were read. */
    public FollowersRequest next(FollowersPage page, int readSoFar) {
        int nextOffset = page.getOffset() + page.getUserIds().size();
        if (page.getUserIds().isEmpty() || nextOffset >= page.getTotal() || readSoFar >= maxResults) {
            return null;
        }
        return toBuilder().offset(nextOffset).count(Math.min(count, maxResults - readSoFar)).build();
    }

    public Builder toBuilder() {
        return builder().oaId(oaId).offset(offset).count(count).tag(tag).lastInteractionPeriod(lastInteractionPeriod)
                .followersOnly(followersOnly).allPages(allPages).maxResults(maxResults);
    }

    public String getOaId() {
        return oaId;
    }

    public int getOffset() {
        return offset;
    }

    public int getCount() {
        return count;
    }

    public String getTag() {
        return tag;
    }

    public String getLastInteractionPeriod() {
        return lastInteractionPeriod;
    }

    public boolean isFollowersOnly() {
        return followersOnly;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public int getMaxResults() {
        return maxResults;
    }

    public FollowersRequest withDefaultOaId(String defaultOaId) {
        return oaId != null || defaultOaId == null ? this : toBuilder().oaId(defaultOaId).build();
    }

    @Override
    public String toString() {
        return "FollowersRequest[oaId=" + oaId + ", offset=" + offset + ", count=" + count
               + (allPages ? ", all pages up to " + maxResults : "") + "]";
    }

    public static final class Builder {
        private String oaId;
        private int offset;
        private int count = MAX_COUNT;
        private String tag;
        private String lastInteractionPeriod;
        private boolean followersOnly;
        private boolean allPages;
        private int maxResults = 10_000;

        public Builder oaId(String oaId) {
            this.oaId = oaId;
            return this;
        }

        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        public Builder count(int count) {
            this.count = count;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder lastInteractionPeriod(String period) {
            this.lastInteractionPeriod = period;
            return this;
        }

        public Builder followersOnly(boolean followersOnly) {
            this.followersOnly = followersOnly;
            return this;
        }

        public Builder allPages(boolean allPages) {
            this.allPages = allPages;
            return this;
        }

        public Builder maxResults(int maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        public FollowersRequest build() {
            return new FollowersRequest(this);
        }
    }
}
