package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;

/** Stored priority declarations, one per roadmap item. */
public interface PriorityDeclarationStore {

    /** The declaration of this roadmap item, locked for the rest of the transaction. */
    Optional<Stored> findForUpdate(String roadmapId, String itemId);

    /** Inserts or replaces the declaration of its roadmap item. */
    void save(Stored declaration);

    /** How many declarations point at the dataset, and whether one of them is national. */
    Counts countsFor(DatasetId dataset);

    /** Declarations with a reference the catalogue did not know yet, oldest first. */
    List<Stored> unresolved(int limit);

    record Counts(int declarations, boolean national) {
    }

    /**
     * @param declaration what the roadmap declared
     * @param dataset     the catalogue entry the reference resolved to, null when unknown or to be produced
     * @param scope       territories with their enclosing ones ({@code DemandTerritories.withEnclosing})
     * @param eventId     the event that last set it
     * @param declaredAt  the time of that event (older events do not overwrite newer ones)
     * @param recordedAt  when this service recorded it
     */
    record Stored(PriorityDeclaration declaration, DatasetId dataset, Set<String> scope, UUID eventId,
                  Instant declaredAt, Instant recordedAt) {

        public Stored withDataset(DatasetId resolved, Instant now) {
            return new Stored(declaration, resolved, scope, eventId, declaredAt, now);
        }
    }
}
