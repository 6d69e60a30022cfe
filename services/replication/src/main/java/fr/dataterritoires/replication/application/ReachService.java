package fr.dataterritoires.replication.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.reach.Matching;
import fr.dataterritoires.replication.domain.reach.Reach;
import fr.dataterritoires.replication.domain.replica.Replication;
import fr.dataterritoires.replication.domain.replica.ReplicationStatus;

/**
 * Reach of an initiative (territories and population of the initiative's own territories and its live replications,
 * without double counting), time from validation to each replication going live, its lineage tree; and, for a
 * territory, the initiatives similar territories adopted and it has not.
 */
@Service
public class ReachService {

    private final InitiativeStore initiatives;
    private final ReplicationStore replications;

    public ReachService(InitiativeStore initiatives, ReplicationStore replications) {
        this.initiatives = initiatives;
        this.replications = replications;
    }

    /** One replication in the lineage tree, its children below it. */
    public record Node(Replication replication, Long daysFromValidation, List<Node> children) {
    }

    public record InitiativeReach(Initiative initiative, Reach.Figures figures, int liveReplications,
            List<Node> lineage) {
    }

    @Transactional(readOnly = true)
    public InitiativeReach reachOf(UUID initiativeId) {
        Initiative initiative = initiatives.find(initiativeId)
                .orElseThrow(() -> InitiativeService.notFound(initiativeId));
        return reachOf(initiative, replications.ofInitiative(initiativeId));
    }

    public static InitiativeReach reachOf(Initiative initiative, List<Replication> all) {
        Set<TerritoryRef> reached = new LinkedHashSet<>(initiative.territories());
        int live = 0;
        for (Replication r : all) {
            if (r.isLive()) {
                reached.addAll(r.territories());
                live++;
            }
        }
        LocalDate validated = initiative.validatedAt() == null ? null
                : LocalDate.ofInstant(initiative.validatedAt(), InitiativeService.PARIS);
        Map<UUID, List<Replication>> children = new HashMap<>();
        List<Replication> roots = new ArrayList<>();
        for (Replication r : all) {
            if (r.basedOn() == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.basedOn(), k -> new ArrayList<>()).add(r);
            }
        }
        return new InitiativeReach(initiative, Reach.of(reached), live, nodes(roots, children, validated));
    }

    private static List<Node> nodes(List<Replication> level, Map<UUID, List<Replication>> children, LocalDate validated) {
        List<Node> out = new ArrayList<>();
        for (Replication r : level) {
            Long days = validated == null || r.liveOn() == null ? null : ChronoUnit.DAYS.between(validated, r.liveOn());
            out.add(new Node(r, days, nodes(children.getOrDefault(r.id(), List.of()), children, validated)));
        }
        return List.copyOf(out);
    }

    /** Initiatives that similar and neighbouring territories adopted (planned, in progress or live) and it has not. */
    @Transactional(readOnly = true)
    public List<Matching.Suggestion> suggestionsFor(TerritoryRef territory) {
        Map<UUID, Initiative> byId = new HashMap<>();
        for (Initiative i : initiatives.all()) {
            byId.put(i.id(), i);
        }
        List<Matching.Adoption> adoptions = new ArrayList<>();
        for (Initiative i : byId.values()) {
            i.territories().forEach(t -> adoptions.add(new Matching.Adoption(i.id(), i.title(), t)));
        }
        for (Replication r : replications.active()) {
            Initiative i = byId.get(r.initiativeId());
            if (i != null && r.status() != ReplicationStatus.INTERESTED) {
                r.territories().forEach(t -> adoptions.add(new Matching.Adoption(i.id(), i.title(), t)));
            }
        }
        return Matching.suggest(territory, adoptions);
    }
}
