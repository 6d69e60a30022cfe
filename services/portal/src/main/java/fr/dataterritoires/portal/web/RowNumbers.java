package fr.dataterritoires.portal.web;

import java.util.List;
import java.util.stream.IntStream;

/** The row numbers of a repeated group of fields (0 … n-1), for the templates. */
final class RowNumbers {

    private RowNumbers() {
    }

    static List<Integer> of(int rows) {
        return IntStream.range(0, rows).boxed().toList();
    }
}
