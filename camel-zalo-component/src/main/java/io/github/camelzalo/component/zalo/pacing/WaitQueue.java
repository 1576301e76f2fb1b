package io.github.camelzalo.component.zalo.pacing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Calls waiting for their turn, first come first served. A call that gives up is marked, not searched for (a
 * queue may hold thousands), and skipped when it comes up; {@link #live} counts the calls still waiting. Not
 * thread-safe: a pacer guards its queues with its own lock, and calls every method, {@link #giveUp} included,
 * holding it.
 *
 * @param <E> the pacer's entry for a waiting call
 */
public final class WaitQueue<E extends WaitQueue.Entry> {

    /** A waiting call's place in a queue: done once it left the queue or gave up. */
    public abstract static class Entry {
        /** Set by the queue alone. */
        boolean done;

        public boolean isDone() {
            return done;
        }
    }

    private final ArrayDeque<E> entries = new ArrayDeque<>();
    /** Entries still in {@link #entries} that gave up. */
    private int givenUp;

    public void add(E entry) {
        entries.add(entry);
    }

    /** How many calls still wait. */
    public int live() {
        return entries.size() - givenUp;
    }

    /** The call whose turn it is, out of the queue and done; {@code null} when none waits. */
    public E poll() {
        E e = entries.poll();
        while (e != null && e.done) {
            givenUp--;
            e = entries.poll();
        }
        if (e != null) {
            e.done = true;
        }
        return e;
    }

    /** The call gives up waiting; {@code false} when it was done already (its turn came, or it was taken out). */
    public boolean giveUp(E entry) {
        if (entry.done) {
            return false;
        }
        entry.done = true;
        givenUp++;
        return true;
    }

    /** Takes the calls that {@code which} selects out of the queue: those still waiting, now done. */
    public List<E> remove(Predicate<? super E> which) {
        List<E> removed = new ArrayList<>();
        for (Iterator<E> it = entries.iterator(); it.hasNext();) {
            E e = it.next();
            if (which.test(e)) {
                it.remove();
                if (e.done) {
                    givenUp--;
                } else {
                    e.done = true;
                    removed.add(e);
                }
            }
        }
        return removed;
    }

    /** Empties the queue: the calls that still waited, now done. */
    public List<E> takeAll() {
        List<E> taken = new ArrayList<>(live());
        for (E e : entries) {
            if (!e.done) {
                e.done = true;
                taken.add(e);
            }
        }
        entries.clear();
        givenUp = 0;
        return taken;
    }
}
