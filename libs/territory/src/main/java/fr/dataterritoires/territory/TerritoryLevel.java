package fr.dataterritoires.territory;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Levels of French territory that data and roadmaps refer to, finest first.
 *
 * <p>IRIS (INSEE's sub-communal statistical units) and QPV (priority neighbourhoods of urban policy) are levels
 * whose codes can only be syntax-checked here: their lists are not part of the packaged data.
 */
public enum TerritoryLevel {
    IRIS("IRIS", 0, Pattern.compile("(?:\\d{5}|2[AB]\\d{3})\\d{4}")),
    /** Quartier prioritaire: 2015 form QP + 3-character département + 3 digits, 2024 form QN + département + 2 digits + letter. */
    QPV("quartier prioritaire de la politique de la ville", 0,
            Pattern.compile("QP(?:0\\d\\d|02[AB]|9[78]\\d)\\d{3}|QN(?:0\\d\\d|02[AB]|9[78]\\d)\\d{2}[A-Z]")),
    /** Current communes (type COM of the COG) and the municipal arrondissements of Paris, Lyon and Marseille. */
    COMMUNE("commune", 1, Pattern.compile("\\d{5}|2[AB]\\d{3}")),
    /** EPCI à fiscalité propre, identified by its SIREN. */
    EPCI("EPCI", 2, Pattern.compile("\\d{9}")),
    DEPARTEMENT("département", 3, Pattern.compile("0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5]|97[1-8]|98[4-9]")),
    REGION("région", 4, Pattern.compile("\\d{2}")),
    NATIONAL("national", 5, Pattern.compile("FR"));

    private final String label;
    private final int rank;
    private final Pattern syntax;

    TerritoryLevel(String label, int rank, Pattern syntax) {
        this.label = label;
        this.rank = rank;
        this.syntax = syntax;
    }

    /** French name of the level, for messages. */
    public String label() {
        return label;
    }

    /** Whether {@code code} has the form of a code at this level (existence is not checked). */
    public boolean matchesSyntax(String code) {
        return code != null && syntax.matcher(code).matches() && (this != EPCI || Luhn.isValid(code));
    }

    /** Whether this level can contain territories of {@code other} (EPCI may straddle départements: see Territories). */
    public boolean isAbove(TerritoryLevel other) {
        return rank > other.rank;
    }

    /**
     * The levels whose syntax {@code code} matches. Several levels may match: "84" is both a région and a
     * département code, 9 digits may be an EPCI SIREN or an IRIS.
     */
    public static Set<TerritoryLevel> candidatesFor(String code) {
        Set<TerritoryLevel> levels = EnumSet.noneOf(TerritoryLevel.class);
        if (code == null) {
            return levels;
        }
        String normalised = normalise(code);
        for (TerritoryLevel level : values()) {
            if (level.matchesSyntax(normalised)) {
                levels.add(level);
            }
        }
        return levels;
    }

    /** Codes are compared trimmed and upper-case ("2a004" is Ajaccio, "fr" is France). */
    static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
