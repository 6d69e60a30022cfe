package fr.dataterritoires.territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.dataterritoires.territory.GeographyData.RawCommune;
import fr.dataterritoires.territory.GeographyData.RawDepartement;
import fr.dataterritoires.territory.GeographyData.RawEpci;
import fr.dataterritoires.territory.GeographyData.RawRegion;

/**
 * The current French administrative geography: régions, départements (and overseas collectivities), EPCI à
 * fiscalité propre, communes and the municipal arrondissements of Paris, Lyon and Marseille, with their légal
 * populations. Immutable and thread-safe; {@link #get()} loads it once per class loader.
 *
 * <p>Codes are trimmed and upper-cased before lookup. A two-digit code may name both a région and a département
 * ("84": Auvergne-Rhône-Alpes or Vaucluse): the methods taking a {@link TerritoryLevel} are exact; those taking
 * only a code resolve it and throw {@link IllegalArgumentException} (French message) when it stays ambiguous.
 *
 * <p>Hierarchy: commune → EPCI → département → région → national. EPCI may straddle départements and even
 * régions, so an EPCI is a child of every département/région one of its members lies in, and its parents are all
 * of them. {@link #parentsOf} never lists the national level, which encloses every région.
 */
public final class Territories {

    private static final class Holder {
        private static final Territories INSTANCE = load();
    }

    private static final Comparator<Territory> BY_CODE = Comparator.comparing(Territory::code);

    private final String dataVersion;
    private final National national;
    private final List<Region> regionList;
    private final List<Departement> departementList;
    private final List<Epci> epciList;
    private final List<Commune> communeList;
    private final Map<String, Region> regions;
    private final Map<String, Departement> departements;
    private final Map<String, Epci> epcis;
    private final Map<String, Commune> communes;
    private final Map<String, String> successors;
    private final Map<String, List<Departement>> departementsByRegion;
    private final Map<String, List<Commune>> communesByDepartement;
    private final Map<String, List<Commune>> arrondissementsByCommune;
    private final Map<String, List<Epci>> epcisByDepartement;
    private final NameIndex names;

    /** The shared instance, loaded on first use (about 0.6 s of CPU, 18 MB of heap) and kept for the JVM's life. */
    public static Territories get() {
        return Holder.INSTANCE;
    }

    /** Loads a fresh instance from the classpath; prefer {@link #get()}. */
    public static Territories load() {
        return new Territories(GeographyData.fromClasspath());
    }

    private Territories(GeographyData data) {
        dataVersion = data.version;

        // Communes first: every upper level's population is summed from them.
        Map<String, String> epciOfCommune = new HashMap<>();
        for (RawEpci epci : data.epcis) {
            for (GeographyData.RawMember member : epci.membres()) {
                String previous = epciOfCommune.put(member.code(), epci.code());
                if (previous != null) {
                    throw new IllegalStateException("Commune " + member.code() + " in two EPCI: " + previous
                            + " and " + epci.code());
                }
            }
        }
        Set<String> regionCodes = data.regions.stream()
                .filter(r -> Zone.fromData(r.zone()) != Zone.COM)
                .map(RawRegion::code)
                .collect(Collectors.toSet());
        Map<String, String> canonical = new HashMap<>();
        Map<String, Optional<String>> sharedOptionals = new HashMap<>();
        Map<String, Commune> communeMap = new HashMap<>(40_000);
        Map<String, String> successorMap = new HashMap<>(8_000);
        for (RawCommune raw : data.communes) {
            if (raw.type().equals("commune-actuelle")) {
                communeMap.put(raw.code(), commune(raw, CommuneKind.COMMUNE, Optional.empty(),
                        Optional.ofNullable(epciOfCommune.get(raw.code())), regionCodes, canonical, sharedOptionals));
                if (raw.anciensCodes() != null) {
                    raw.anciensCodes().forEach(old -> successorMap.put(old, raw.code()));
                }
            }
        }
        for (RawCommune raw : data.communes) {
            if (raw.type().equals("arrondissement-municipal")) {
                communeMap.put(raw.code(), commune(raw, CommuneKind.ARRONDISSEMENT_MUNICIPAL,
                        Optional.of(raw.commune()), Optional.ofNullable(epciOfCommune.get(raw.commune())),
                        regionCodes, canonical, sharedOptionals));
            }
        }
        // Communes déléguées and associées are not current codes, but a former commune code points to its successor.
        successorMap.keySet().removeAll(communeMap.keySet());
        communes = Map.copyOf(communeMap);
        successors = Map.copyOf(successorMap);
        communeList = sorted(communeMap.values().stream().filter(c -> !c.isMunicipalArrondissement()).toList());
        communesByDepartement = groupSorted(communeList, Commune::departementCode);
        arrondissementsByCommune = groupSorted(
                communeMap.values().stream().filter(Commune::isMunicipalArrondissement).toList(),
                c -> c.parentCommuneCode().orElseThrow());

        List<Epci> epciBuilt = new ArrayList<>();
        for (RawEpci raw : data.epcis) {
            List<String> members = raw.membres().stream().map(GeographyData.RawMember::code).sorted().toList();
            long population = 0;
            Set<String> depts = new TreeSet<>();
            for (String member : members) {
                Commune commune = communes.get(member);
                if (commune == null || commune.isMunicipalArrondissement()) {
                    throw new IllegalStateException("EPCI " + raw.code() + " lists unknown commune " + member);
                }
                population += commune.population();
                depts.add(commune.departementCode());
            }
            epciBuilt.add(new Epci(raw.code(), raw.nom(), EpciType.valueOf(raw.type()), members, List.copyOf(depts),
                    population));
        }
        epciList = sorted(epciBuilt);
        epcis = index(epciList);
        Map<String, List<Epci>> epciByDept = new HashMap<>();
        for (Epci epci : epciList) {
            epci.departementCodes().forEach(d -> epciByDept.computeIfAbsent(d, k -> new ArrayList<>()).add(epci));
        }
        epcisByDepartement = copyLists(epciByDept);

        List<Departement> deptBuilt = new ArrayList<>();
        for (RawDepartement raw : data.departements) {
            long population = communesByDepartement.getOrDefault(raw.code(), List.of()).stream()
                    .mapToLong(Commune::population).sum();
            Optional<String> region = regionCodes.contains(raw.region()) ? Optional.of(raw.region()) : Optional.empty();
            deptBuilt.add(new Departement(raw.code(), raw.nom(), region, Zone.fromData(raw.zone()), raw.chefLieu(),
                    population));
        }
        departementList = sorted(deptBuilt);
        departements = index(departementList);
        departementsByRegion = groupSorted(departementList.stream().filter(d -> d.regionCode().isPresent()).toList(),
                d -> d.regionCode().orElseThrow());
        for (Commune commune : communes.values()) {
            if (!departements.containsKey(commune.departementCode())) {
                throw new IllegalStateException("Commune " + commune.code() + " in unknown département "
                        + commune.departementCode());
            }
        }

        List<Region> regionBuilt = new ArrayList<>();
        for (RawRegion raw : data.regions) {
            if (regionCodes.contains(raw.code())) {
                long population = departementsByRegion.getOrDefault(raw.code(), List.of()).stream()
                        .mapToLong(Departement::population).sum();
                regionBuilt.add(new Region(raw.code(), raw.nom(), Zone.fromData(raw.zone()), raw.chefLieu(),
                        population));
            }
        }
        regionList = sorted(regionBuilt);
        regions = index(regionList);
        national = new National(National.CODE, "France", regionList.stream().mapToLong(Region::population).sum());

        List<Territory> all = new ArrayList<>(communes.size() + epciList.size() + 200);
        all.addAll(regionList);
        all.addAll(departementList);
        all.addAll(epciList);
        all.addAll(communes.values());
        names = new NameIndex(all);
    }

    private static Commune commune(RawCommune raw, CommuneKind kind, Optional<String> parent, Optional<String> epci,
            Set<String> regionCodes, Map<String, String> canonical,
            Map<String, Optional<String>> sharedOptionals) {
        // Share one instance of each repeated code (département, région, EPCI): thousands of copies otherwise.
        Function<String, String> shared = code -> canonical.computeIfAbsent(code, Function.identity());
        Function<String, Optional<String>> sharedOptional = code -> sharedOptionals.computeIfAbsent(code,
                c -> Optional.of(shared.apply(c)));
        return new Commune(raw.code(), raw.nom(), kind, Zone.fromData(raw.zone()), shared.apply(raw.departement()),
                regionCodes.contains(raw.region()) ? sharedOptional.apply(raw.region()) : Optional.empty(),
                epci.flatMap(sharedOptional), parent.flatMap(sharedOptional), Optional.ofNullable(raw.siren()),
                raw.population() == null ? 0 : raw.population());
    }

    private static <T extends Territory> List<T> sorted(Collection<T> territories) {
        return territories.stream().sorted(BY_CODE).toList();
    }

    private static <T extends Territory> Map<String, T> index(List<T> territories) {
        return territories.stream().collect(Collectors.toUnmodifiableMap(Territory::code, Function.identity()));
    }

    private static <T extends Territory> Map<String, List<T>> groupSorted(Collection<T> territories,
            Function<T, String> key) {
        Map<String, List<T>> groups = new HashMap<>();
        for (T territory : sorted(territories)) {
            groups.computeIfAbsent(key.apply(territory), k -> new ArrayList<>()).add(territory);
        }
        return copyLists(groups);
    }

    private static <T> Map<String, List<T>> copyLists(Map<String, List<T>> groups) {
        Map<String, List<T>> copy = new HashMap<>();
        groups.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Map.copyOf(copy);
    }

    // ----- lookups -------------------------------------------------------------------------------------------

    /** The data set and version loaded, e.g. "@etalab/decoupage-administratif@6.0.0" (millésime 2026). */
    public String dataVersion() {
        return dataVersion;
    }

    public National national() {
        return national;
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(regions.get(TerritoryLevel.normalise(code)));
    }

    public Optional<Departement> departement(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(departements.get(TerritoryLevel.normalise(code)));
    }

    public Optional<Epci> epci(String siren) {
        return siren == null ? Optional.empty() : Optional.ofNullable(epcis.get(Luhn.stripSpaces(siren)));
    }

    /** A current commune or municipal arrondissement; a former code (merged commune) gives empty: see {@link #successorOf}. */
    public Optional<Commune> commune(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(communes.get(TerritoryLevel.normalise(code)));
    }

    /** For a former commune code (merged into a commune nouvelle, old Corsican 20xxx code...), the current commune. */
    public Optional<Commune> successorOf(String formerCode) {
        if (formerCode == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(successors.get(TerritoryLevel.normalise(formerCode))).map(communes::get);
    }

    /** The territory at {@code level} with {@code code}; always empty for IRIS and QPV, which have no data here. */
    public Optional<Territory> find(TerritoryLevel level, String code) {
        if (level == null || code == null) {
            return Optional.empty();
        }
        return switch (level) {
            case COMMUNE -> commune(code).map(Territory.class::cast);
            case EPCI -> epci(code).map(Territory.class::cast);
            case DEPARTEMENT -> departement(code).map(Territory.class::cast);
            case REGION -> region(code).map(Territory.class::cast);
            case NATIONAL -> National.CODE.equals(TerritoryLevel.normalise(code)) ? Optional.of(national)
                    : Optional.empty();
            case IRIS, QPV -> Optional.empty();
        };
    }

    /** Sorted by code. */
    public List<Region> regions() {
        return regionList;
    }

    /** Départements and overseas collectivities, sorted by code. */
    public List<Departement> departements() {
        return departementList;
    }

    /** Sorted by SIREN. */
    public List<Epci> epcis() {
        return epciList;
    }

    /** Current communes sorted by code, without municipal arrondissements (so populations add up). */
    public List<Commune> communes() {
        return communeList;
    }

    // ----- validation and levels -----------------------------------------------------------------------------

    /**
     * Whether {@code code} is a current code at {@code level}. IRIS and QPV codes are checked for syntax and for
     * naming a current commune (IRIS) or département (QPV), since their lists are not in the data.
     */
    public boolean isValidAndCurrent(TerritoryLevel level, String code) {
        if (level == null || code == null) {
            return false;
        }
        String c = TerritoryLevel.normalise(code);
        return switch (level) {
            case IRIS -> level.matchesSyntax(c) && communes.containsKey(c.substring(0, 5));
            case QPV -> level.matchesSyntax(c) && departements.containsKey(qpvDepartement(c));
            default -> find(level, c).isPresent();
        };
    }

    private static String qpvDepartement(String qpv) {
        String dept = qpv.substring(2, 5);
        return dept.startsWith("0") ? dept.substring(1) : dept;
    }

    /** The levels at which {@code code} is a current code: usually one, two for "84" (région and département). */
    public Set<TerritoryLevel> levels(String code) {
        Set<TerritoryLevel> levels = EnumSet.noneOf(TerritoryLevel.class);
        for (TerritoryLevel candidate : TerritoryLevel.candidatesFor(code)) {
            if (isValidAndCurrent(candidate, code)) {
                levels.add(candidate);
            }
        }
        return Collections.unmodifiableSet(levels);
    }

    /** The level of a current code, guessed from its form and the data; empty if unknown or ambiguous. */
    public Optional<TerritoryLevel> level(String code) {
        Set<TerritoryLevel> levels = levels(code);
        return levels.size() == 1 ? Optional.of(levels.iterator().next()) : Optional.empty();
    }

    private Optional<TerritoryLevel> resolve(String code, Set<TerritoryLevel> levels) {
        if (levels.size() > 1) {
            throw new IllegalArgumentException("Le code « " + code + " » est ambigu (" + levels.stream()
                    .map(TerritoryLevel::label).collect(Collectors.joining(" ou ")) + ") : précisez le niveau.");
        }
        return levels.stream().findFirst();
    }

    // ----- hierarchy -----------------------------------------------------------------------------------------

    /**
     * Enclosing territories, nearest first: for a commune its commune (if it is a municipal arrondissement), EPCI,
     * département and région, each when it exists; for an IRIS its commune and the commune's parents; for a QPV its
     * département and région. Empty for an unknown code.
     */
    public List<Territory> parentsOf(TerritoryLevel level, String code) {
        if (!isValidAndCurrent(level, code)) {
            return List.of();
        }
        String c = TerritoryLevel.normalise(code);
        List<Territory> parents = new ArrayList<>(4);
        switch (level) {
            case IRIS -> {
                Commune commune = communes.get(c.substring(0, 5));
                parents.add(commune);
                parents.addAll(parentsOf(TerritoryLevel.COMMUNE, commune.code()));
            }
            case QPV -> {
                Departement dept = departements.get(qpvDepartement(c));
                parents.add(dept);
                dept.regionCode().map(regions::get).ifPresent(parents::add);
            }
            case COMMUNE -> {
                Commune commune = communes.get(c);
                commune.parentCommuneCode().map(communes::get).ifPresent(parents::add);
                commune.epciCode().map(epcis::get).ifPresent(parents::add);
                parents.add(departements.get(commune.departementCode()));
                commune.regionCode().map(regions::get).ifPresent(parents::add);
            }
            case EPCI -> {
                List<Departement> depts = epcis.get(c).departementCodes().stream().map(departements::get).toList();
                parents.addAll(depts);
                depts.stream().flatMap(d -> d.regionCode().stream()).distinct().sorted().map(regions::get)
                        .forEach(parents::add);
            }
            case DEPARTEMENT -> departements.get(c).regionCode().map(regions::get).ifPresent(parents::add);
            case REGION, NATIONAL -> {
                // Only the national level encloses a région, and it is left out by design.
            }
        }
        return List.copyOf(parents);
    }

    /** {@link #parentsOf(TerritoryLevel, String)} for a code whose level is guessed; a 2-digit région code is ambiguous. */
    public List<Territory> parentsOf(String code) {
        return resolve(code, levels(code)).map(level -> parentsOf(level, code)).orElse(List.of());
    }

    /**
     * Territories at {@code childLevel} inside the territory at {@code level} with {@code code}, sorted by code:
     * national → régions, départements (those in a région), EPCI, communes; région or département → départements,
     * EPCI (every one with a member inside), communes; EPCI → member communes; a commune → its municipal
     * arrondissements (Paris, Lyon, Marseille). Communes never include municipal arrondissements otherwise, so
     * populations add up. Empty when the code is unknown or {@code childLevel} is not below.
     */
    public List<Territory> childrenOf(TerritoryLevel level, String code, TerritoryLevel childLevel) {
        if (childLevel == null || !isValidAndCurrent(level, code)) {
            return List.of();
        }
        String c = TerritoryLevel.normalise(code);
        List<? extends Territory> children = switch (level) {
            case NATIONAL -> switch (childLevel) {
                case REGION -> regionList;
                case DEPARTEMENT -> departementList.stream().filter(d -> d.regionCode().isPresent()).toList();
                case EPCI -> epciList;
                case COMMUNE -> communeList.stream().filter(k -> k.regionCode().isPresent()).toList();
                default -> List.of();
            };
            case REGION -> {
                List<Departement> depts = departementsByRegion.getOrDefault(c, List.of());
                yield switch (childLevel) {
                    case DEPARTEMENT -> depts;
                    case EPCI -> sorted(depts.stream()
                            .flatMap(d -> epcisByDepartement.getOrDefault(d.code(), List.of()).stream())
                            .distinct().toList());
                    case COMMUNE -> sorted(depts.stream()
                            .flatMap(d -> communesByDepartement.getOrDefault(d.code(), List.of()).stream()).toList());
                    default -> List.of();
                };
            }
            case DEPARTEMENT -> switch (childLevel) {
                case EPCI -> epcisByDepartement.getOrDefault(c, List.of());
                case COMMUNE -> communesByDepartement.getOrDefault(c, List.of());
                default -> List.of();
            };
            case EPCI -> childLevel == TerritoryLevel.COMMUNE
                    ? epcis.get(c).memberCodes().stream().map(communes::get).toList() : List.of();
            case COMMUNE -> childLevel == TerritoryLevel.COMMUNE
                    ? arrondissementsByCommune.getOrDefault(c, List.of()) : List.of();
            case IRIS, QPV -> List.of();
        };
        return List.copyOf(children);
    }

    /**
     * {@link #childrenOf(TerritoryLevel, String, TerritoryLevel)} for a code whose level is guessed among those
     * above {@code childLevel}: "84" with DEPARTEMENT is the région; with COMMUNE it is ambiguous and throws.
     */
    public List<Territory> childrenOf(String code, TerritoryLevel childLevel) {
        Set<TerritoryLevel> levels = EnumSet.noneOf(TerritoryLevel.class);
        levels.addAll(levels(code));
        levels.removeIf(l -> !(l.isAbove(childLevel)
                || (l == TerritoryLevel.COMMUNE && childLevel == TerritoryLevel.COMMUNE)));
        return resolve(code, levels).map(level -> childrenOf(level, code, childLevel)).orElse(List.of());
    }

    // ----- population and search ---------------------------------------------------------------------------

    /** Population municipale of the territory (sum of its communes above the commune level); empty if unknown. */
    public OptionalLong population(TerritoryLevel level, String code) {
        return find(level, code).map(t -> OptionalLong.of(t.population())).orElse(OptionalLong.empty());
    }

    /** {@link #population(TerritoryLevel, String)} for a code whose level is guessed; a région code is ambiguous. */
    public OptionalLong population(String code) {
        return resolve(code, levels(code)).map(level -> population(level, code)).orElse(OptionalLong.empty());
    }

    /**
     * Territories whose name, or one of its words, starts with {@code query}, ignoring case, accents and
     * punctuation ("saint etienne", "st-etienne" and "SAINT-ÉTIENNE" all find Saint-Étienne). Best first:
     * whole-name match, whole-name prefix, word prefix, then larger population.
     */
    public List<Territory> search(String query, int limit) {
        return search(query, limit, EnumSet.allOf(TerritoryLevel.class));
    }

    /** {@link #search(String, int)} restricted to some levels. */
    public List<Territory> search(String query, int limit, Set<TerritoryLevel> levels) {
        if (query == null || levels == null || levels.isEmpty()) {
            return List.of();
        }
        return names.search(query, limit, levels);
    }
}
