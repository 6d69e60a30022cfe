package fr.dataterritoires.datasetsearch.integration.harvest;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;

/** The controlled words sources use for dates, frequencies and access rights, and how they map to the domain. */
public final class Vocabularies {

    private Vocabularies() {
    }

    private static final Map<String, UpdateFrequency> FREQUENCIES = Map.ofEntries(
            // EU frequency authority table (last segment of the URI), lower-cased.
            Map.entry("cont", UpdateFrequency.CONTINUOUS), Map.entry("update_cont", UpdateFrequency.CONTINUOUS),
            Map.entry("continuous", UpdateFrequency.CONTINUOUS), Map.entry("continual", UpdateFrequency.CONTINUOUS),
            Map.entry("hourly", UpdateFrequency.CONTINUOUS), Map.entry("daily_2", UpdateFrequency.CONTINUOUS),
            Map.entry("fourtimesaday", UpdateFrequency.CONTINUOUS), Map.entry("threetimesaday", UpdateFrequency.CONTINUOUS),
            Map.entry("semidaily", UpdateFrequency.CONTINUOUS), Map.entry("1min", UpdateFrequency.CONTINUOUS),
            Map.entry("5min", UpdateFrequency.CONTINUOUS), Map.entry("10min", UpdateFrequency.CONTINUOUS),
            Map.entry("15min", UpdateFrequency.CONTINUOUS), Map.entry("30min", UpdateFrequency.CONTINUOUS),
            Map.entry("12hrs", UpdateFrequency.CONTINUOUS), Map.entry("continu", UpdateFrequency.CONTINUOUS),
            Map.entry("temps reel", UpdateFrequency.CONTINUOUS),
            Map.entry("daily", UpdateFrequency.DAILY), Map.entry("quotidien", UpdateFrequency.DAILY),
            Map.entry("quotidienne", UpdateFrequency.DAILY), Map.entry("journalier", UpdateFrequency.DAILY),
            Map.entry("weekly", UpdateFrequency.WEEKLY), Map.entry("weekly_2", UpdateFrequency.WEEKLY),
            Map.entry("weekly_3", UpdateFrequency.WEEKLY), Map.entry("semiweekly", UpdateFrequency.WEEKLY),
            Map.entry("threetimesaweek", UpdateFrequency.WEEKLY), Map.entry("fourtimesaweek", UpdateFrequency.WEEKLY),
            Map.entry("hebdomadaire", UpdateFrequency.WEEKLY),
            Map.entry("biweekly", UpdateFrequency.MONTHLY), Map.entry("fortnightly", UpdateFrequency.MONTHLY),
            Map.entry("monthly", UpdateFrequency.MONTHLY), Map.entry("monthly_2", UpdateFrequency.MONTHLY),
            Map.entry("monthly_3", UpdateFrequency.MONTHLY), Map.entry("semimonthly", UpdateFrequency.MONTHLY),
            Map.entry("threetimesamonth", UpdateFrequency.MONTHLY), Map.entry("mensuel", UpdateFrequency.MONTHLY),
            Map.entry("mensuelle", UpdateFrequency.MONTHLY),
            Map.entry("bimonthly", UpdateFrequency.QUARTERLY), Map.entry("quarterly", UpdateFrequency.QUARTERLY),
            Map.entry("trimestriel", UpdateFrequency.QUARTERLY), Map.entry("trimestrielle", UpdateFrequency.QUARTERLY),
            Map.entry("annual_3", UpdateFrequency.SEMIANNUAL), Map.entry("threetimesayear", UpdateFrequency.SEMIANNUAL),
            Map.entry("annual_2", UpdateFrequency.SEMIANNUAL), Map.entry("semiannual", UpdateFrequency.SEMIANNUAL),
            Map.entry("biannually", UpdateFrequency.SEMIANNUAL), Map.entry("semestriel", UpdateFrequency.SEMIANNUAL),
            Map.entry("semestrielle", UpdateFrequency.SEMIANNUAL),
            Map.entry("annual", UpdateFrequency.ANNUAL), Map.entry("annually", UpdateFrequency.ANNUAL),
            Map.entry("annuel", UpdateFrequency.ANNUAL), Map.entry("annuelle", UpdateFrequency.ANNUAL),
            Map.entry("biennial", UpdateFrequency.BIENNIAL), Map.entry("biennal", UpdateFrequency.BIENNIAL),
            Map.entry("biennale", UpdateFrequency.BIENNIAL),
            // Longer cycles have no regular value in the domain: kept as irregular rather than judged stale.
            Map.entry("triennial", UpdateFrequency.IRREGULAR), Map.entry("quadrennial", UpdateFrequency.IRREGULAR),
            Map.entry("quinquennial", UpdateFrequency.IRREGULAR), Map.entry("decennial", UpdateFrequency.IRREGULAR),
            Map.entry("irreg", UpdateFrequency.IRREGULAR), Map.entry("irregular", UpdateFrequency.IRREGULAR),
            Map.entry("asneeded", UpdateFrequency.IRREGULAR), Map.entry("as_needed", UpdateFrequency.IRREGULAR), Map.entry("irregulier", UpdateFrequency.IRREGULAR),
            Map.entry("other", UpdateFrequency.IRREGULAR), Map.entry("other_freq", UpdateFrequency.IRREGULAR),
            Map.entry("punctual", UpdateFrequency.PUNCTUAL), Map.entry("never", UpdateFrequency.PUNCTUAL),
            Map.entry("notplanned", UpdateFrequency.PUNCTUAL), Map.entry("op_datpro", UpdateFrequency.PUNCTUAL),
            Map.entry("ponctuel", UpdateFrequency.PUNCTUAL), Map.entry("ponctuelle", UpdateFrequency.PUNCTUAL),
            Map.entry("unknown", UpdateFrequency.UNKNOWN), Map.entry("inconnu", UpdateFrequency.UNKNOWN),
            // ISO 8601 repeating durations of Project Open Data.
            Map.entry("r/pt1h", UpdateFrequency.CONTINUOUS), Map.entry("r/pt1s", UpdateFrequency.CONTINUOUS),
            Map.entry("r/p1d", UpdateFrequency.DAILY), Map.entry("r/p1w", UpdateFrequency.WEEKLY),
            Map.entry("r/p0.5w", UpdateFrequency.WEEKLY), Map.entry("r/p2w", UpdateFrequency.MONTHLY),
            Map.entry("r/p0.5m", UpdateFrequency.MONTHLY), Map.entry("r/p1m", UpdateFrequency.MONTHLY),
            Map.entry("r/p2m", UpdateFrequency.QUARTERLY), Map.entry("r/p3m", UpdateFrequency.QUARTERLY),
            Map.entry("r/p4m", UpdateFrequency.SEMIANNUAL), Map.entry("r/p6m", UpdateFrequency.SEMIANNUAL),
            Map.entry("r/p1y", UpdateFrequency.ANNUAL), Map.entry("r/p2y", UpdateFrequency.BIENNIAL),
            Map.entry("r/p3y", UpdateFrequency.IRREGULAR), Map.entry("r/p4y", UpdateFrequency.IRREGULAR),
            Map.entry("r/p10y", UpdateFrequency.IRREGULAR));

    /** An EU frequency URI, a udata/CKAN word, a POD duration, an ISO 19139 code; null when not recognised. */
    public static UpdateFrequency frequency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = fold(value.strip());
        UpdateFrequency direct = FREQUENCIES.get(v);
        if (direct != null) {
            return direct;
        }
        int cut = Math.max(v.lastIndexOf('/'), v.lastIndexOf('#'));
        return cut >= 0 && !v.startsWith("r/") ? FREQUENCIES.get(v.substring(cut + 1)) : null;
    }

    /** EU access-right URIs and their words; null when the value says nothing usable. */
    public static AccessLevel accessLevel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = fold(value.strip());
        int cut = Math.max(v.lastIndexOf('/'), v.lastIndexOf('#'));
        String word = cut >= 0 ? v.substring(cut + 1) : v;
        return switch (word) {
            case "public", "open", "ouvert", "libre", "nolimitations", "no limitations" -> AccessLevel.OPEN;
            case "restricted", "non_public", "non-public", "nonpublic", "non public", "restreint", "private",
                    "confidential", "prive" -> AccessLevel.RESTRICTED;
            default -> word.startsWith("inspire_directive_article13") ? AccessLevel.RESTRICTED : null;
        };
    }

    /** A date or date-time as sources write it; a date alone is taken at midnight UTC. Null when unparseable. */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            // next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notInstant) {
            // next form
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // next form
        }
        LocalDate day = date(v, false);
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * The day of a date or date-time; a bare year or month is taken at its first day, or its last one when
     * {@code end} (a period "2019" ends on 31 December 2019).
     */
    public static LocalDate date(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(v.substring(0, 10));
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(v);
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
            if (v.matches("\\d{4}")) {
                Year year = Year.parse(v);
                return end ? year.atMonth(12).atEndOfMonth() : year.atDay(1);
            }
            if (v.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v.substring(6)), Integer.parseInt(v.substring(3, 5)),
                        Integer.parseInt(v.substring(0, 2)));
            }
        } catch (RuntimeException invalid) {
            return null;
        }
        return null;
    }

    /** Whether a free text names a licence (rather than an access restriction or a use condition). */
    public static boolean looksLikeLicence(String text) {
        String folded = fold(text);
        return folded.contains("licen") || folded.contains("etalab") || folded.contains("odbl")
                || folded.contains("creative commons") || folded.contains("creativecommons") || folded.contains("cc-by")
                || folded.contains("cc by") || folded.contains("cc0") || folded.contains("cc-zero")
                || folded.contains("open data commons") || folded.contains("opendatacommons");
    }

    /** Lower case, accents removed: "Irrégulier" and "irregulier" are the same word. */
    public static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
