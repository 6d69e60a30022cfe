package fr.dataterritoires.replication.domain.replica;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * Lineage of replications ({@code isBasedOn}): each replication is based on the initiative itself or on another
 * replication of the same initiative, so that the lineage is a tree rooted at the initiative. A parent that is the
 * replication itself or one of its descendants would close a cycle: refused.
 */
public final class Lineage {

    private Lineage() {
    }

    /**
     * Refuses {@code parent} as the parent of {@code child} when it would close a cycle: walking up from the parent
     * (through {@code parentOf}) must never meet the child. Also refuses a parent of another initiative.
     *
     * @param parentOf a replication's current parent (empty at the root), for every replication of the initiative
     */
    public static void requireAcyclic(Replication child, UUID parent, Function<UUID, Optional<Replication>> find) {
        if (parent == null) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        UUID current = parent;
        while (current != null) {
            if (current.equals(child.id())) {
                throw new RuleViolation("lignee-cyclique", "basedOn", "La réplication " + parent
                        + " descend déjà de la réplication " + child.id() + " : la lignée formerait un cycle.");
            }
            if (!seen.add(current)) {
                throw new IllegalStateException("stored lineage already has a cycle at " + current);
            }
            Replication r = find.apply(current).orElseThrow(() -> new RuleViolation.NotFound(
                    "La réplication d'origine est introuvable."));
            if (!r.initiativeId().equals(child.initiativeId())) {
                throw new RuleViolation("lignee-autre-initiative", "basedOn", "La réplication d'origine "
                        + "réplique une autre initiative.");
            }
            current = r.basedOn();
        }
    }

    /** Depth of each replication in the tree (1 for one based directly on the initiative). */
    public static int depth(UUID id, Map<UUID, Replication> all) {
        int depth = 0;
        Set<UUID> seen = new HashSet<>();
        for (UUID current = id; current != null && seen.add(current); current = all.get(current).basedOn()) {
            depth++;
        }
        return depth;
    }
}
