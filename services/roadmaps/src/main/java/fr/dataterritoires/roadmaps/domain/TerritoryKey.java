package fr.dataterritoires.roadmaps.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Region;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * A current territory of the official geographic code, written {@code level:code} ({@code region:84},
 * {@code departement:69}, {@code epci:200046977}, {@code commune:69123}, {@code iris:691230101}, {@code qpv:QN06901M}):
 * the level removes the ambiguity of bare INSEE codes ("84" is a région and a département) and is the key format
 * of the {@code PriorityDatasetDeclared} event.
 */
public record TerritoryKey(TerritoryLevel level, String code) implements Comparable<TerritoryKey> {

    public static final int MAX_PER_SET = 500;

    public TerritoryKey {
        if (level == null || level == TerritoryLevel.NATIONAL || code == null) {
            throw new IllegalArgumentException("territory key needs a sub-national level and a code");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!Territories.get().isValidAndCurrent(level, code)) {
            throw new IllegalArgumentException("« " + code + " » n'est pas un code INSEE actuel de " + level.label() + ".");
        }
    }

    public static TerritoryKey region(String code) {
        return new TerritoryKey(TerritoryLevel.REGION, code);
    }

    /** Parses {@code level:code}; the failure names {@code field}. */
    public static TerritoryKey parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(field, "Le territoire « " + field + " » est obligatoire.");
        }
        int colon = raw.indexOf(':');
        if (colon <= 0) {
            throw RuleViolation.invalid(field, "Le territoire « " + raw.strip() + " » (" + field
                    + ") s'écrit niveau:code INSEE, par exemple region:84, departement:69 ou commune:69123.");
        }
        String levelName = raw.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        TerritoryLevel level;
        try {
            level = TerritoryLevel.valueOf(levelName);
        } catch (IllegalArgumentException e) {
            level = null;
        }
        if (level == null || level == TerritoryLevel.NATIONAL) {
            throw RuleViolation.invalid(field, "Le niveau « " + raw.substring(0, colon).strip() + " » (" + field
                    + ") est inconnu : region, departement, epci, commune, iris ou qpv.");
        }
        try {
            return new TerritoryKey(level, raw.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "Territoire (" + field + ") : " + e.getMessage());
        }
    }

    /** Parses a set of keys; the failure names the element ({@code field[i]}). */
    public static Set<TerritoryKey> parseAll(Collection<String> raw, String field) {
        Set<TerritoryKey> keys = new TreeSet<>();
        if (raw == null) {
            return keys;
        }
        if (raw.size() > MAX_PER_SET) {
            throw RuleViolation.invalid(field, "Au plus " + MAX_PER_SET + " territoires (" + field + ").");
        }
        int i = 0;
        for (String key : raw) {
            keys.add(parse(key, field + "[" + i++ + "]"));
        }
        return keys;
    }

    /** {@code level:code}, level in lower case as in the event contracts. */
    public String key() {
        return level.name().toLowerCase(Locale.ROOT) + ":" + code;
    }

    /** Whether the territory is the région or lies (at least partly, for an EPCI) inside it. */
    public boolean isWithinRegion(String regionCode) {
        if (level == TerritoryLevel.REGION) {
            return code.equals(regionCode);
        }
        return Territories.get().parentsOf(level, code).stream()
                .anyMatch(t -> t instanceof Region r && r.code().equals(regionCode));
    }

    /** Refuses the first key outside the région, naming {@code field}. */
    public static void requireWithinRegion(Set<TerritoryKey> keys, String regionCode, String field) {
        for (TerritoryKey key : keys) {
            if (!key.isWithinRegion(regionCode)) {
                throw RuleViolation.invalid(field, "Le territoire « " + key.key() + " » (" + field
                        + ") n'est pas dans la région " + regionCode + ".");
            }
        }
    }

    @Override
    public int compareTo(TerritoryKey other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return key();
    }
}
