package fr.dataterritoires.replication.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * A current territory of the official geographic code: a commune, an EPCI (its SIREN), a département, a région or
 * France. Written {@code level:code} ({@code commune:69123}, {@code epci:200046977}, {@code departement:69},
 * {@code region:84}, {@code national:FR}); a bare code is accepted when it names one level only ("84" is a région
 * and a département: it needs its level). Contracts carry the bare {@link #code()}.
 */
public record TerritoryRef(TerritoryLevel level, String code) implements Comparable<TerritoryRef> {

    public static final int MAX_PER_SET = 200;

    public TerritoryRef {
        if (level == null || code == null || level == TerritoryLevel.IRIS || level == TerritoryLevel.QPV) {
            throw new IllegalArgumentException("a territory needs a level (commune to national) and a code");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!Territories.get().isValidAndCurrent(level, code)) {
            throw new IllegalArgumentException("« " + code + " » n'est pas un code actuel de " + level.label() + ".");
        }
    }

    /** Parses {@code level:code} or an unambiguous bare code; the failure names {@code field}. */
    public static TerritoryRef parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(field, "Le territoire « " + field + " » est obligatoire.");
        }
        String value = raw.strip();
        int colon = value.indexOf(':');
        try {
            if (colon < 0) {
                Set<TerritoryLevel> levels = Territories.get().levels(value);
                levels = levels.stream().filter(l -> l != TerritoryLevel.IRIS && l != TerritoryLevel.QPV)
                        .collect(java.util.stream.Collectors.toSet());
                if (levels.isEmpty()) {
                    throw RuleViolation.invalid(field, "« " + value + " » (" + field + ") n'est pas un code "
                            + "INSEE actuel de commune, département ou région, ni le SIREN d'un EPCI.");
                }
                if (levels.size() > 1) {
                    throw RuleViolation.invalid(field, "Le code « " + value + " » (" + field
                            + ") est ambigu : écrivez region:" + value + " ou departement:" + value + ".");
                }
                return new TerritoryRef(levels.iterator().next(), value);
            }
            TerritoryLevel level;
            try {
                level = TerritoryLevel.valueOf(value.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                level = null;
            }
            if (level == null || level == TerritoryLevel.IRIS || level == TerritoryLevel.QPV) {
                throw RuleViolation.invalid(field, "Le niveau « " + value.substring(0, colon).strip()
                        + " » (" + field + ") est inconnu : commune, epci, departement, region ou national.");
            }
            return new TerritoryRef(level, value.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "Territoire (" + field + ") : " + e.getMessage());
        }
    }

    /**
     * A bare code of an event ({@code AwardGranted.territories}): a two-digit code naming both a région and a
     * département is taken as the région (calls for commons are regional or national in scope).
     */
    public static TerritoryRef fromContractCode(String raw, String field) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if ("FR".equals(code)) {
            return new TerritoryRef(TerritoryLevel.NATIONAL, code);
        }
        Set<TerritoryLevel> levels = Territories.get().levels(code);
        if (levels.contains(TerritoryLevel.REGION)) {
            return new TerritoryRef(TerritoryLevel.REGION, code);
        }
        return parse(code, field);
    }

    public static Set<TerritoryRef> parseAll(Collection<String> raw, String field) {
        Set<TerritoryRef> refs = new TreeSet<>();
        if (raw == null) {
            return refs;
        }
        if (raw.size() > MAX_PER_SET) {
            throw RuleViolation.invalid(field, "Au plus " + MAX_PER_SET + " territoires (" + field + ").");
        }
        int i = 0;
        for (String r : raw) {
            refs.add(parse(r, field + "[" + i++ + "]"));
        }
        return refs;
    }

    /** Parses a stored key ({@code level:code}); see {@link #stored(String)} for keys the geography may have retired. */
    public static TerritoryRef ofKey(String key) {
        int colon = key.indexOf(':');
        return new TerritoryRef(TerritoryLevel.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT)),
                key.substring(colon + 1));
    }

    /**
     * A stored key read back under a newer geography: a commune merged since is its successor (its population and
     * hierarchy are the successor's); a key the geography no longer knows at all is empty rather than an error, so
     * a stored initiative stays readable after a new millésime.
     */
    public static java.util.Optional<TerritoryRef> stored(String key) {
        int colon = key.indexOf(':');
        TerritoryLevel level = TerritoryLevel.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT));
        String code = key.substring(colon + 1);
        if (Territories.get().isValidAndCurrent(level, code)) {
            return java.util.Optional.of(new TerritoryRef(level, code));
        }
        if (level == TerritoryLevel.COMMUNE) {
            return Territories.get().successorOf(code).map(c -> new TerritoryRef(TerritoryLevel.COMMUNE, c.code()));
        }
        return java.util.Optional.empty();
    }

    public String key() {
        return level.name().toLowerCase(Locale.ROOT) + ":" + code;
    }

    public Territory territory() {
        return Territories.get().find(level, code).orElseThrow();
    }

    public String name() {
        return territory().name();
    }

    public long population() {
        return territory().population();
    }

    @Override
    public int compareTo(TerritoryRef other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return key();
    }
}
