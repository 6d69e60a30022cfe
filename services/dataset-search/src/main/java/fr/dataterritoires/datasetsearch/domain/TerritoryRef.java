package fr.dataterritoires.datasetsearch.domain;

import java.util.Locale;
import java.util.Objects;

import fr.dataterritoires.territory.TerritoryLevel;

/**
 * A territory a dataset covers: an INSEE code (a SIREN for an EPCI, "FR" for the nation) qualified by its level,
 * because the same digits name a région and a département ("84").
 */
public record TerritoryRef(TerritoryLevel level, String code) implements Comparable<TerritoryRef> {

    public static final TerritoryRef NATIONAL = new TerritoryRef(TerritoryLevel.NATIONAL, "FR");

    public TerritoryRef {
        Objects.requireNonNull(level, "level");
        code = Text.requireNonBlank(code, "territory code").toUpperCase(Locale.ROOT);
        if (!level.matchesSyntax(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a " + level.label() + " code");
        }
    }

    /** The stable key stored and indexed: {@code commune:75056}, {@code region:11}, {@code national:FR}. */
    public String key() {
        return level.name().toLowerCase(Locale.ROOT) + ":" + code;
    }

    /** Parses a {@link #key()}. */
    public static TerritoryRef parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A territory is written level:code, e.g. commune:75056");
        }
        TerritoryLevel level;
        try {
            level = TerritoryLevel.valueOf(key.substring(0, colon).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown territory level in '" + key + "'");
        }
        return new TerritoryRef(level, key.substring(colon + 1));
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
