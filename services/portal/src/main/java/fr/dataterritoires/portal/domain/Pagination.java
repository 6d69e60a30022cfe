package fr.dataterritoires.portal.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The DSFR pagination of a result list: first, previous, a window of numbered pages around the current one, next,
 * last. Pages are numbered from 1; {@code lastPage} is capped by how deep dataset-search pages by number.
 */
public record Pagination(int current, int lastPage, List<Integer> window) {

    /** dataset-search pages by number over its first 10,000 results only (beyond, cursors). */
    public static final int MAX_WINDOW = 10_000;

    public static Pagination of(long total, int pageSize, int current) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        long reachable = Math.min(total, MAX_WINDOW);
        int last = (int) Math.max(1, (reachable + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, current), last);
        int from = Math.max(1, page - 2);
        int to = Math.min(last, from + 4);
        from = Math.max(1, to - 4);
        List<Integer> window = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            window.add(i);
        }
        return new Pagination(page, last, List.copyOf(window));
    }

    public boolean hasPrevious() {
        return current > 1;
    }

    public boolean hasNext() {
        return current < lastPage;
    }
}
