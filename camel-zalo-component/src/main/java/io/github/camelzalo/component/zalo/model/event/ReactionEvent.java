package io.github.camelzalo.component.zalo.model.event;

/**
 * A reaction to a message ({@code user_reacted_message}, or {@code oa_reacted_message} from Zalo's own tools): the
 * message reacted to is {@link #getMessageId()}.
 */
public class ReactionEvent extends ZaloEvent {

    private String reaction;

    /** The reaction as Zalo writes it ({@code message.react_icon}, e.g. {@code /-heart}). */
    public String getReaction() {
        return reaction;
    }

    public void setReaction(String reaction) {
        this.reaction = reaction;
    }
}
