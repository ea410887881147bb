package org.mandate.shared;

/**
 * Paging parameters, clamped rather than refused: page from 0 to {@link #MAX_PAGE}, size 1..500 (50 by
 * default). Whatever a client sends ({@code page=2147483647}, {@code size=-5}), the offset stays well
 * inside an {@code int} and no query is asked for more than {@link #MAX_SIZE} rows.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    /** The last page anyone may ask for: offsets up to 500 million rows, far beyond any list. */
    public static final int MAX_PAGE = 1_000_000;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : Math.max(0, Math.min(page, MAX_PAGE));
        int s = size == null ? 50 : Math.max(1, Math.min(size, MAX_SIZE));
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
