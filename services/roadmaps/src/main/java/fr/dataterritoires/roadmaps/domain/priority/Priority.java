package fr.dataterritoires.roadmaps.domain.priority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;

/**
 * A priority dataset or theme: the national instance publishes the national list, each committee adjoins local ones
 * for its région (their territories lie inside it; the région itself when none is given). A theme has no dataset
 * reference. Declared once; declaring again is a new priority.
 */
public record Priority(UUID id, PriorityLevel level, String regionCode, PrioritySubject subject, String title,
                       String datasetReference, String theme, Set<TerritoryKey> territories,
                       AccessLevel targetAccessLevel, LocalDate targetDate, String declaredBy, Instant declaredAt) {

    public static final int TITLE_MAX = 500;
    public static final int REFERENCE_MAX = 2000;

    public Priority {
        Objects.requireNonNull(id, "id");
        Checks.notNull(level, "level");
        Checks.notNull(subject, "subject");
        title = Checks.required(title, "title", TITLE_MAX);
        datasetReference = Checks.optional(datasetReference, "datasetReference", REFERENCE_MAX);
        theme = Checks.optional(theme, "theme", 200);
        if (subject == PrioritySubject.THEME && datasetReference != null) {
            throw RuleViolation.invalid("datasetReference", "Une priorité thématique (THEME) ne désigne pas de jeu de données.");
        }
        Set<TerritoryKey> keys = new TreeSet<>(territories == null ? Set.of() : territories);
        if (level == PriorityLevel.NATIONAL) {
            if (regionCode != null || !keys.isEmpty()) {
                throw RuleViolation.invalid("regionCode", "Une priorité nationale ne porte ni région ni territoire.");
            }
        } else {
            TerritoryKey region;
            try {
                region = TerritoryKey.region(Checks.notNull(regionCode, "regionCode"));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("regionCode", "Région (regionCode) : " + e.getMessage());
            }
            regionCode = region.code();
            TerritoryKey.requireWithinRegion(keys, regionCode, "territories");
            if (keys.isEmpty()) {
                keys.add(region);
            }
        }
        territories = Set.copyOf(keys);
        Objects.requireNonNull(declaredBy, "declaredBy");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** The roadmap id of the {@code PriorityDatasetDeclared} event: the national list or the région's local list. */
    public String listId() {
        return level == PriorityLevel.NATIONAL ? "priorites-nationales" : "priorites-locales-" + regionCode;
    }

    /** The {@code declaredBy} of the event: "national" or the région code. */
    public String declarer() {
        return level == PriorityLevel.NATIONAL ? "national" : regionCode;
    }
}
