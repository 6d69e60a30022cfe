package fr.dataterritoires.datasetsearch.domain;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the data is about, and how finely it is broken down. An empty set of territories means the source did not say.
 */
public record TerritorialCoverage(Set<TerritoryRef> territories, Granularity granularity) {

    public static final TerritorialCoverage UNKNOWN = new TerritorialCoverage(Set.of(), Granularity.UNKNOWN);

    public TerritorialCoverage {
        territories = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(territories, Set.of())));
        Objects.requireNonNull(granularity, "granularity");
    }

    public boolean isDeclared() {
        return !territories.isEmpty();
    }

    public boolean isNational() {
        return territories.contains(TerritoryRef.NATIONAL);
    }
}
