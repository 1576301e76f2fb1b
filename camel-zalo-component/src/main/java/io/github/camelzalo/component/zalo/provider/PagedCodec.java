package io.github.camelzalo.component.zalo.provider;

/**
 * A codec whose operation may take several calls, one page each: after each answer the producer asks for the
 * request of the next page, and sends it the way it sent the first (paced, with a token).
 *
 * @param <R> the request of one page
 * @param <T> a page, and the pages read so far merged into one
 */
public interface PagedCodec<R, T> {

    /**
     * The request for the page after {@code last}, or {@code null} when the operation is done.
     *
     * @param request the request that got {@code last}
     * @param soFar   the pages read so far, {@code last} included
     */
    R next(R request, T soFar, T last);

    /** The pages read so far with {@code last} added. */
    T merge(T soFar, T last);
}
