package io.github.camelzalo.component.zalo.model.event;

import java.util.List;

/**
 * A user's rating of the OA's service ({@code user_feedback}): the stars, the options ticked and a note. The note is
 * the customer's text: log it at DEBUG only.
 */
public class FeedbackEvent extends ZaloEvent {

    private Integer rate;
    private String note;
    private List<String> feedbacks = List.of();

    /** The stars given, usually 1 to 5, or {@code null}. */
    public Integer getRate() {
        return rate;
    }

    public void setRate(Integer rate) {
        this.rate = rate;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    /** The options the user ticked. */
    public List<String> getFeedbacks() {
        return feedbacks;
    }

    public void setFeedbacks(List<String> feedbacks) {
        this.feedbacks = feedbacks == null ? List.of() : List.copyOf(feedbacks);
    }
}
