package fr.dataterritoires.datasetsearch.domain.demand;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * How demand is matched to a territory. A declaration (or a request for a dataset covering some territories) is
 * relevant to territory T when one of its territories D is T, encloses T (a région's priority concerns its communes),
 * or lies inside T (a commune's priority is part of its département's demand). National scope is left out of
 * territorial lists (it would flood them) and counted in the national list only.
 *
 * <p>Stored form: the declared keys, and the "scope" = declared keys plus all their enclosing territories. Then
 * "D lies inside T or is T" is {@code scope ∋ T}, and "D encloses T" is {@code declared ∩ enclosing(T) ≠ ∅}.
 */
public final class DemandTerritories {

    private DemandTerritories() {
    }

    /** The keys plus the keys of every territory enclosing one of them (national excluded). */
    public static Set<String> withEnclosing(Collection<TerritoryRef> territories) {
        Set<String> keys = new TreeSet<>();
        for (TerritoryRef territory : territories) {
            if (territory.level() == TerritoryLevel.NATIONAL) {
                continue;
            }
            keys.add(territory.key());
            keys.addAll(enclosing(territory));
        }
        return keys;
    }

    /** Keys of the territories enclosing {@code territory}, nearest first; empty when its code is unknown. */
    public static Set<String> enclosing(TerritoryRef territory) {
        Set<String> keys = new TreeSet<>();
        for (Territory parent : Territories.get().parentsOf(territory.level(), territory.code())) {
            keys.add(key(parent));
        }
        return keys;
    }

    public static String key(Territory territory) {
        return territory.level().name().toLowerCase(Locale.ROOT) + ":" + territory.code();
    }
}
