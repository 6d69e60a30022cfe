package fr.dataterritoires.datasetsearch.domain.demand;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A roadmap item declaring a dataset a priority ({@code PriorityDatasetDeclared}). One per roadmap item: declaring the
 * same item again replaces it. The dataset may not exist yet ("to be produced"): then only its title is known.
 *
 * @param roadmapId         the roadmap
 * @param itemId            the item of the roadmap; (roadmapId, itemId) identifies the declaration
 * @param declaredBy        committee region code or ministry code
 * @param scope             territorial or national
 * @param territories       for a territorial scope, at least one; empty for a national one
 * @param datasetReference  catalogue id, source URI or landing page; null for a dataset still to be produced
 * @param title             what the roadmap calls the dataset
 * @param targetAccessLevel the access level the roadmap aims at, may be null
 * @param targetDate        when, may be null
 */
public record PriorityDeclaration(String roadmapId, String itemId, String declaredBy, PriorityScope scope,
                                  Set<TerritoryRef> territories, String datasetReference, String title,
                                  AccessLevel targetAccessLevel, LocalDate targetDate) {

    public static final int ID_MAX = 100;
    public static final int REFERENCE_MAX = 2000;
    public static final int TITLE_MAX = 500;
    public static final int TERRITORIES_MAX = 500;

    public PriorityDeclaration {
        roadmapId = Rules.required(roadmapId, "roadmapId", "roadmapId est obligatoire.");
        Rules.maxLength(roadmapId, ID_MAX, "roadmapId", "roadmapId");
        itemId = Rules.required(itemId, "itemId", "itemId est obligatoire.");
        Rules.maxLength(itemId, ID_MAX, "itemId", "itemId");
        declaredBy = Rules.required(declaredBy, "declaredBy", "declaredBy est obligatoire.");
        Rules.maxLength(declaredBy, ID_MAX, "declaredBy", "declaredBy");
        if (scope == null) {
            throw new RuleViolation("champ-obligatoire", "scope", "scope est obligatoire (TERRITORIAL ou NATIONAL).");
        }
        territories = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(territories, Set.of())));
        if (scope == PriorityScope.TERRITORIAL && territories.isEmpty()) {
            throw new RuleViolation("priorite.territoires-manquants", "scope.territories",
                    "Une priorité territoriale nomme au moins un territoire (scope.territories).");
        }
        if (scope == PriorityScope.NATIONAL) {
            territories = Set.of();
        }
        if (territories.size() > TERRITORIES_MAX) {
            throw new RuleViolation("champ-trop-long", "scope.territories",
                    "Trop de territoires (scope.territories) : " + territories.size() + ", au plus " + TERRITORIES_MAX + ".");
        }
        datasetReference = Rules.optional(datasetReference);
        Rules.maxLength(datasetReference, REFERENCE_MAX, "datasetReference", "datasetReference");
        title = Rules.required(title, "title", "title est obligatoire.");
        Rules.maxLength(title, TITLE_MAX, "title", "title");
    }

    /** The dataset is still to be produced: nothing in the catalogue can match. */
    public boolean isToBeProduced() {
        return datasetReference == null;
    }

    public boolean isNational() {
        return scope == PriorityScope.NATIONAL;
    }
}
