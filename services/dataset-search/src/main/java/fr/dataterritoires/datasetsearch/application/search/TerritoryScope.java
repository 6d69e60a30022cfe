package fr.dataterritoires.datasetsearch.application.search;

import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

/**
 * What a territory filter matches, computed once from the official geography: datasets whose coverage holds one of
 * {@code coverageKeys} (or starts with one of {@code coveragePrefixes}), and national datasets broken down at one of
 * {@code nationalGranularities}.
 *
 * @param target                the territory asked for
 * @param coverageKeys          the territory itself, its parents and (above the commune level) its children
 * @param coveragePrefixes      key prefixes of finer units inside it ({@code iris:38185} for a commune's IRIS)
 * @param nationalGranularities granularities at which a national dataset says something about the target
 */
public record TerritoryScope(TerritoryRef target, Set<String> coverageKeys, Set<String> coveragePrefixes,
                             Set<Granularity> nationalGranularities) {

    public TerritoryScope {
        coverageKeys = Set.copyOf(coverageKeys);
        coveragePrefixes = Set.copyOf(coveragePrefixes);
        nationalGranularities = Set.copyOf(nationalGranularities);
    }
}
