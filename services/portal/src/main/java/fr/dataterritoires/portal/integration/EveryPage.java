package fr.dataterritoires.portal.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a paged list of a service ({@code limit}/{@code offset}, issue 11 §3) to its end: page after page until a
 * short one, so that a page of the portal showing "every call" never silently stops at the service's first page.
 * Bounded by the services' own largest {@code offset} (100 000), past which they refuse.
 */
final class EveryPage {

    /** The services' largest accepted {@code offset}. */
    static final int MAX_OFFSET = 100_000;

    private EveryPage() {
    }

    /** {@code page} answers the page of {@code limit} items from the offset given. */
    static <T> List<T> read(int limit, BiFunction<Integer, Integer, List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int offset = 0; offset <= MAX_OFFSET; offset += limit) {
            List<T> items = page.apply(limit, offset);
            if (items == null) {
                break;
            }
            all.addAll(items);
            if (items.size() < limit) {
                break;
            }
        }
        return List.copyOf(all);
    }
}
