package fr.dataterritoires.roadmaps.application.consolidation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.roadmap.Period;

/**
 * What to consolidate: a period ({@code 2027} or {@code 2026-2028}), the scope, and how many régions make a dataset
 * "demanded". A committee roadmap counts for the period when its own period covers it all; a ministerial section
 * when its year lies in it.
 */
public record ConsolidationQuery(Period period, Scope scope, int minRegions) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");

    /** {@code PUBLISHED}: published roadmaps only (anyone). {@code ALL}: every status (national coordinators). */
    public enum Scope {
        PUBLISHED, ALL
    }

    public ConsolidationQuery {
        if (minRegions < 1 || minRegions > 18) {
            throw RuleViolation.invalid("minRegions", "Le nombre minimal de régions (minRegions) est compris "
                    + "entre 1 et 18.");
        }
    }

    public static Period period(String raw) {
        Matcher m = raw == null ? null : PERIOD.matcher(raw.strip());
        if (m == null || !m.matches()) {
            throw RuleViolation.invalid("period", "La période « " + raw + " » (period) s'écrit AAAA ou "
                    + "AAAA-AAAA, par exemple 2027 ou 2026-2028.");
        }
        int start = Integer.parseInt(m.group(1));
        int end = m.group(2) == null ? start : Integer.parseInt(m.group(2));
        try {
            return new Period(start, end);
        } catch (RuleViolation e) {
            throw RuleViolation.invalid("period", "Période (period) : " + e.getMessage());
        }
    }

    public static Scope scope(String raw) {
        try {
            return Scope.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RuleViolation.invalid("scope", "La portée « " + raw + " » (scope) est inconnue : published "
                    + "(feuilles de route publiées) ou all (toutes, coordinateurs nationaux).");
        }
    }

    boolean covers(Period roadmapPeriod) {
        return roadmapPeriod.startYear() <= period.startYear() && roadmapPeriod.endYear() >= period.endYear();
    }

    boolean contains(int year) {
        return year >= period.startYear() && year <= period.endYear();
    }
}
