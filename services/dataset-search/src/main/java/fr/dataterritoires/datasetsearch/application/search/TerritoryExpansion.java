package fr.dataterritoires.datasetsearch.application.search;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

import fr.dataterritoires.platform.errors.InvalidFieldException;

/**
 * Turns a territory filter into the coverage it matches. The choice, for people looking for data about a place:
 * <ul>
 * <li>a dataset about the territory itself matches;</li>
 * <li>datasets about an enclosing territory (a commune's EPCI, département, région; a département's région) match:
 * they describe the place too;</li>
 * <li>national datasets match only when broken down finely enough to say something about the place: at the level
 * asked or finer ({@link Granularity#isCommuneOrFiner()} for a commune), so a national table by région does not
 * answer a commune search;</li>
 * <li>above the commune level, datasets about the territories inside match too (the communes of an EPCI; the
 * communes and EPCI of a département; the départements, EPCI and communes of a région): "data about Isère" includes
 * the data of Grenoble. An EPCI straddling two départements counts as inside both;</li>
 * <li>nothing about a sibling: a commune never brings the datasets of another commune.</li>
 * </ul>
 * A bare code is accepted when it names one current territory ("38185", "200040715", "2A"); "84" (région and
 * département) must be qualified.
 */
@Component
public class TerritoryExpansion {

    static final String FIELD = "territory";
    /** Most expansions kept; past it the cache starts afresh (there are about 35 000 current territories). */
    static final int CACHE_SIZE = 4096;

    private final Territories territories;
    /**
     * Expansions already computed, by filter as typed: the official geography does not change while the service
     * runs, and a région expands to thousands of keys, so searches on a territory need not recompute them.
     */
    private final Map<String, TerritoryScope> expanded = new ConcurrentHashMap<>();

    public TerritoryExpansion() {
        this(Territories.get());
    }

    TerritoryExpansion(Territories territories) {
        this.territories = territories;
    }

    public TerritoryScope expand(String raw) {
        if (raw == null) {
            return compute(null);
        }
        TerritoryScope known = expanded.get(raw);
        if (known != null) {
            return known;
        }
        TerritoryScope scope = compute(raw); // a refused filter throws: never cached
        if (expanded.size() >= CACHE_SIZE) {
            expanded.clear();
        }
        expanded.put(raw, scope);
        return scope;
    }

    private TerritoryScope compute(String raw) {
        TerritoryRef target = parse(raw);
        TerritoryLevel level = target.level();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        keys.add(target.key());
        if (level == TerritoryLevel.NATIONAL) {
            return new TerritoryScope(target, keys, prefixes, EnumSet.allOf(Granularity.class));
        }
        for (Territory parent : territories.parentsOf(level, target.code())) {
            keys.add(key(parent));
        }
        switch (level) {
            case COMMUNE -> {
                for (Territory arrondissement : territories.childrenOf(level, target.code(), TerritoryLevel.COMMUNE)) {
                    keys.add(key(arrondissement));
                }
                prefixes.add("iris:" + target.code());
            }
            case EPCI -> addChildren(target, keys, TerritoryLevel.COMMUNE);
            case DEPARTEMENT -> addChildren(target, keys, TerritoryLevel.EPCI, TerritoryLevel.COMMUNE);
            case REGION -> addChildren(target, keys, TerritoryLevel.DEPARTEMENT, TerritoryLevel.EPCI,
                    TerritoryLevel.COMMUNE);
            default -> {
                // IRIS and QPV: the unit itself and its parents only.
            }
        }
        return new TerritoryScope(target, keys, prefixes, nationalGranularities(level));
    }

    private void addChildren(TerritoryRef target, Set<String> keys, TerritoryLevel... childLevels) {
        for (TerritoryLevel childLevel : childLevels) {
            for (Territory child : territories.childrenOf(target.level(), target.code(), childLevel)) {
                keys.add(key(child));
            }
        }
    }

    /** National data says something about a territory when broken down at its level or finer. */
    static Set<Granularity> nationalGranularities(TerritoryLevel level) {
        Set<Granularity> fine = EnumSet.noneOf(Granularity.class);
        for (Granularity granularity : Granularity.values()) {
            if (granularity.isCommuneOrFiner()) {
                fine.add(granularity);
            }
        }
        switch (level) {
            case REGION:
                fine.add(Granularity.REGION);
                // fall through: a région is described by data by département and by EPCI too
            case DEPARTEMENT:
                fine.add(Granularity.DEPARTEMENT);
                // fall through
            case EPCI:
                fine.add(Granularity.EPCI);
                break;
            case IRIS:
                fine.remove(Granularity.COMMUNE);
                fine.remove(Granularity.QPV);
                break;
            case QPV:
                fine.remove(Granularity.COMMUNE);
                fine.remove(Granularity.IRIS);
                break;
            default:
                break;
        }
        return fine;
    }

    private static String key(Territory territory) {
        return new TerritoryRef(territory.level(), territory.code()).key();
    }

    TerritoryRef parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.length() > 40) {
            throw InvalidFieldException.parameter(FIELD, "Le paramètre « territory » attend un territoire de la forme "
                    + "niveau:code (par exemple commune:38185) ou un code INSEE.", SearchQueryParser.shorten(raw));
        }
        TerritoryRef ref;
        if (value.indexOf(':') >= 0) {
            String levelName = value.substring(0, value.indexOf(':')).strip().toUpperCase(Locale.ROOT);
            boolean knownLevel = java.util.Arrays.stream(TerritoryLevel.values()).anyMatch(l -> l.name().equals(levelName));
            if (!knownLevel) {
                throw InvalidFieldException.unknownValue(FIELD + " (niveau)", levelName.toLowerCase(Locale.ROOT),
                        java.util.Arrays.stream(TerritoryLevel.values()).map(l -> l.name().toLowerCase(Locale.ROOT))
                                .toList());
            }
            try {
                ref = TerritoryRef.parse(value);
            } catch (IllegalArgumentException malformed) {
                throw InvalidFieldException.parameter(FIELD, "Le code « " + SearchQueryParser.shorten(
                        value.substring(value.indexOf(':') + 1)) + " » n'a pas la forme d'un code de niveau "
                        + TerritoryLevel.valueOf(levelName).label() + ".", value);
            }
        } else {
            Set<TerritoryLevel> levels = territories.levels(value);
            if (levels.size() > 1) {
                throw InvalidFieldException.parameter(FIELD, "Le code « " + SearchQueryParser.shorten(value)
                        + " » est ambigu (" + levels.stream().map(TerritoryLevel::label).collect(Collectors.joining(
                        " ou ")) + ") : précisez le niveau, par exemple " + levels.stream()
                        .map(l -> l.name().toLowerCase(Locale.ROOT) + ":" + value.toUpperCase(Locale.ROOT))
                        .collect(Collectors.joining(" ou ")) + ".", value);
            }
            if (levels.isEmpty()) {
                throw InvalidFieldException.parameter(FIELD, "Le code « " + SearchQueryParser.shorten(value)
                        + " » ne correspond à aucun territoire actuel du code officiel géographique.", value);
            }
            ref = new TerritoryRef(levels.iterator().next(), value);
        }
        if (!territories.isValidAndCurrent(ref.level(), ref.code())) {
            throw InvalidFieldException.parameter(FIELD, "Le territoire « " + ref.key()
                    + " » ne correspond à aucun territoire actuel du code officiel géographique.", value);
        }
        return ref;
    }
}
