package fr.dataterritoires.roadmaps.domain.roadmap;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * Who files a roadmap: a régional committee (its id and région code) or a ministry (its code, e.g. {@code MTECT}).
 */
public record Issuer(RoadmapKind kind, UUID committeeId, String regionCode, String ministryCode) {

    public static final Pattern MINISTRY_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,29}");

    public Issuer {
        Checks.notNull(kind, "kind");
        if (kind == RoadmapKind.COMMITTEE) {
            Checks.notNull(committeeId, "committeeId");
            Checks.notNull(regionCode, "regionCode");
            ministryCode = null;
        } else {
            ministryCode = ministry(ministryCode);
            committeeId = null;
            regionCode = null;
        }
    }

    public static Issuer committee(UUID committeeId, String regionCode) {
        return new Issuer(RoadmapKind.COMMITTEE, committeeId, regionCode, null);
    }

    public static Issuer ofMinistry(String code) {
        return new Issuer(RoadmapKind.MINISTERIAL, null, null, code);
    }

    /** Normalises and checks a ministry code. */
    public static String ministry(String raw) {
        String code = Checks.required(raw, "ministry", 30).toUpperCase(Locale.ROOT);
        if (!MINISTRY_CODE.matcher(code).matches()) {
            throw RuleViolation.invalid("ministry", "Le code ministère « " + raw
                    + " » (ministry) s'écrit en capitales, chiffres, - ou _ (2 à 30 caractères), par exemple MTECT.");
        }
        return code;
    }

    /** The {@code declaredBy} of events: the région code or the ministry code. */
    public String code() {
        return kind == RoadmapKind.COMMITTEE ? regionCode : ministryCode;
    }
}
