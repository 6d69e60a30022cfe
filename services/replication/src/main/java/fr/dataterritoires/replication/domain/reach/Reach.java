package fr.dataterritoires.replication.domain.reach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.territory.Commune;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Territories and population reached, without double counting: every territory is reduced to the communes it
 * covers (an EPCI to its members, a département or région to its communes, France to every commune of a région), the
 * population is summed over the union of those communes, and a territory inside another one reached (a commune in an
 * EPCI, an EPCI in a département) is listed as covered by it and not counted again. A municipal arrondissement
 * counts on its own only when its commune is not reached.
 */
public final class Reach {

    private Reach() {
    }

    /** One territory reached; {@code coveredBy} is the key of a larger territory reached that contains it, or null. */
    public record Reached(TerritoryRef territory, String name, long population, String coveredBy) {
    }

    /**
     * @param territories every territory reached, sorted by key
     * @param distinctTerritories those not covered by another one
     * @param communes communes reached (municipal arrondissements of a commune reached are not counted again)
     * @param population population of the union of communes
     */
    public record Figures(List<Reached> territories, int distinctTerritories, int communes, long population) {
    }

    public static Figures of(Collection<TerritoryRef> refs) {
        Territories geo = Territories.get();
        Set<TerritoryRef> sorted = new TreeSet<>(refs);
        Map<TerritoryRef, Set<String>> cover = new HashMap<>();
        for (TerritoryRef ref : sorted) {
            cover.put(ref, communesOf(geo, ref));
        }
        Set<String> union = new HashSet<>();
        cover.values().forEach(union::addAll);
        long population = 0;
        int communes = 0;
        for (String code : union) {
            Commune c = geo.commune(code).orElseThrow();
            if (c.isMunicipalArrondissement() && union.contains(c.parentCommuneCode().orElseThrow())) {
                continue;
            }
            population += c.population();
            communes++;
        }
        List<Reached> reached = new ArrayList<>();
        int distinct = 0;
        for (TerritoryRef ref : sorted) {
            String coveredBy = null;
            for (TerritoryRef other : sorted) {
                if (!other.equals(ref) && encloses(geo, other, cover.get(other), ref, cover.get(ref))) {
                    coveredBy = other.key();
                    break;
                }
            }
            if (coveredBy == null) {
                distinct++;
            }
            reached.add(new Reached(ref, ref.name(), ref.population(), coveredBy));
        }
        return new Figures(List.copyOf(reached), distinct, communes, population);
    }

    /** Commune codes a territory covers (an arrondissement covers itself). */
    static Set<String> communesOf(Territories geo, TerritoryRef ref) {
        Set<String> codes = new HashSet<>();
        if (ref.level() == TerritoryLevel.COMMUNE) {
            codes.add(ref.code());
        } else {
            for (Territory t : geo.childrenOf(ref.level(), ref.code(), TerritoryLevel.COMMUNE)) {
                codes.add(t.code());
            }
        }
        return codes;
    }

    /**
     * Whether {@code outer} contains {@code inner}: all of inner's communes are outer's (an arrondissement is inside
     * its commune's territories). Equal coverage (a one-commune EPCI and its commune) counts the larger level as
     * the container, so exactly one of the two is counted.
     */
    static boolean encloses(Territories geo, TerritoryRef outer, Set<String> outerCommunes, TerritoryRef inner,
            Set<String> innerCommunes) {
        if (innerCommunes.isEmpty()) {
            return false;
        }
        for (String code : innerCommunes) {
            if (!outerCommunes.contains(code)) {
                Commune c = geo.commune(code).orElseThrow();
                if (!(c.isMunicipalArrondissement() && outerCommunes.contains(c.parentCommuneCode().orElseThrow()))) {
                    return false;
                }
            }
        }
        if (outerCommunes.size() == innerCommunes.size() && outerCommunes.equals(innerCommunes)) {
            return outer.level().isAbove(inner.level())
                    || outer.level() == inner.level() && outer.compareTo(inner) < 0;
        }
        return true;
    }
}
