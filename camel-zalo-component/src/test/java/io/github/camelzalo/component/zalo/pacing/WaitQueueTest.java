package io.github.camelzalo.component.zalo.pacing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitQueueTest {

    private static final class Call extends WaitQueue.Entry {
        final String owner;
        final int n;

        Call(String owner, int n) {
            this.owner = owner;
            this.n = n;
        }
    }

    private final WaitQueue<Call> queue = new WaitQueue<>();

    private Call add(String owner, int n) {
        Call c = new Call(owner, n);
        queue.add(c);
        return c;
    }

    @Test
    void callsGoInTheirOrderAndOneThatGaveUpIsSkippedAndNotCounted() {
        add("a", 1);
        Call second = add("a", 2);
        add("b", 3);
        assertThat(queue.giveUp(second)).isTrue();
        assertThat(queue.giveUp(second)).as("once").isFalse();
        assertThat(queue.live()).isEqualTo(2);

        Call first = queue.poll();
        assertThat(first.n).isEqualTo(1);
        assertThat(first.isDone()).isTrue();
        assertThat(queue.giveUp(first)).as("its turn came").isFalse();
        assertThat(queue.poll().n).isEqualTo(3);
        assertThat(queue.live()).isZero();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void anOwnersCallsAreTakenOutWithoutTheOnesThatGaveUp() {
        add("a", 1);
        Call gaveUp = add("b", 2);
        add("b", 3);
        add("a", 4);
        queue.giveUp(gaveUp);

        List<Call> removed = queue.remove(c -> c.owner.equals("b"));
        assertThat(removed).extracting(c -> c.n).containsExactly(3);
        assertThat(removed).allMatch(WaitQueue.Entry::isDone);
        assertThat(queue.live()).isEqualTo(2);
        assertThat(queue.poll().n).isEqualTo(1);
        assertThat(queue.poll().n).isEqualTo(4);
        assertThat(queue.poll()).isNull();
    }

    @Test
    void takingAllLeavesItEmptyAndCountingAgainFromNothing() {
        add("a", 1);
        queue.giveUp(add("a", 2));
        add("a", 3);

        assertThat(queue.takeAll()).extracting(c -> c.n).containsExactly(1, 3);
        assertThat(queue.live()).isZero();
        add("a", 5);
        assertThat(queue.live()).isEqualTo(1);
        assertThat(queue.poll().n).isEqualTo(5);
    }
}
