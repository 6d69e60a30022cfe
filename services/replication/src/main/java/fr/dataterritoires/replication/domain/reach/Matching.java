package fr.dataterritoires.replication.domain.reach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.territory.Commune;
import fr.dataterritoires.territory.Epci;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * For a territory, the initiatives that similar territories adopted and it has not. Similar: same level and same
 * {@link SizeBand}; neighbours: communes of the same EPCI (or département when without EPCI), EPCI sharing a
 * département, départements of the same région. An initiative is already the territory's when it (or a territory
 * containing it: its EPCI, département, région) leads or adopted it. Suggestions are ranked by neighbours adopting
 * first, then similar territories adopting, then title.
 */
public final class Matching {

    private Matching() {
    }

    /** A territory that has an initiative (leads it, or a replication of it is planned, in progress or live). */
    public record Adoption(UUID initiativeId, String title, TerritoryRef territory) {
    }

    /** An initiative suggested, with the neighbours and similar territories that adopted it. */
    public record Suggestion(UUID initiativeId, String title, List<TerritoryRef> neighbours, List<TerritoryRef> similar) {
    }

    public static List<Suggestion> suggest(TerritoryRef target, Collection<Adoption> adoptions) {
        Territories geo = Territories.get();
        Set<String> enclosing = new HashSet<>();
        enclosing.add(target.key());
        enclosing.add("national:FR");
        for (Territory parent : geo.parentsOf(target.level(), target.code())) {
            enclosing.add(new TerritoryRef(parent.level(), parent.code()).key());
        }
        Set<UUID> owned = new HashSet<>();
        for (Adoption a : adoptions) {
            if (enclosing.contains(a.territory().key())) {
                owned.add(a.initiativeId());
            }
        }
        int band = SizeBand.of(target.level(), target.population());
        Map<UUID, String> titles = new LinkedHashMap<>();
        Map<UUID, Set<TerritoryRef>> neighbours = new LinkedHashMap<>();
        Map<UUID, Set<TerritoryRef>> similar = new LinkedHashMap<>();
        for (Adoption a : adoptions) {
            if (owned.contains(a.initiativeId()) || a.territory().level() != target.level()) {
                continue;
            }
            TerritoryRef other = a.territory();
            boolean neighbour = areNeighbours(geo, target, other);
            boolean sameSize = SizeBand.of(other.level(), other.population()) == band;
            if (!neighbour && !sameSize) {
                continue;
            }
            titles.putIfAbsent(a.initiativeId(), a.title());
            if (neighbour) {
                neighbours.computeIfAbsent(a.initiativeId(), k -> new TreeSet<>()).add(other);
            }
            if (sameSize) {
                similar.computeIfAbsent(a.initiativeId(), k -> new TreeSet<>()).add(other);
            }
        }
        List<Suggestion> out = new ArrayList<>();
        titles.forEach((id, title) -> out.add(new Suggestion(id, title,
                List.copyOf(neighbours.getOrDefault(id, Set.of())), List.copyOf(similar.getOrDefault(id, Set.of())))));
        out.sort(Comparator.<Suggestion>comparingInt(s -> -s.neighbours().size())
                .thenComparingInt(s -> -s.similar().size()).thenComparing(Suggestion::title)
                .thenComparing(Suggestion::initiativeId));
        return List.copyOf(out);
    }

    /** Two territories of the same level sharing their nearest container. */
    static boolean areNeighbours(Territories geo, TerritoryRef a, TerritoryRef b) {
        if (a.equals(b) || a.level() != b.level()) {
            return false;
        }
        return switch (a.level()) {
            case COMMUNE -> {
                Commune ca = geo.commune(a.code()).orElseThrow();
                Commune cb = geo.commune(b.code()).orElseThrow();
                yield ca.epciCode().isPresent() ? ca.epciCode().equals(cb.epciCode())
                        : ca.departementCode().equals(cb.departementCode());
            }
            case EPCI -> {
                Epci ea = geo.epci(a.code()).orElseThrow();
                Epci eb = geo.epci(b.code()).orElseThrow();
                yield ea.departementCodes().stream().anyMatch(eb.departementCodes()::contains);
            }
            case DEPARTEMENT -> {
                var ra = geo.departement(a.code()).orElseThrow().regionCode();
                yield ra.isPresent() && ra.equals(geo.departement(b.code()).orElseThrow().regionCode());
            }
            default -> false;
        };
    }

    /** The level a suggestion is compared at, for messages. */
    public static String sizeLabel(TerritoryRef target) {
        return SizeBand.label(target.level(), SizeBand.of(target.level(), target.population()));
    }

    static boolean isLevel(TerritoryRef ref, TerritoryLevel level) {
        return ref.level() == level;
    }
}
