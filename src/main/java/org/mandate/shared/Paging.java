package org.mandate.shared;

/** Checked paging parameters: page from 0, size 1..500 (50 by default). */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new InvalidInputException("page", "error.page");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "error.size", MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
