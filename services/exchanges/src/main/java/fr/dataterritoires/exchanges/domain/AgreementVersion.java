package fr.dataterritoires.exchanges.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * One version of an exchange agreement: its objectives and which parties accepted it. A new version replaces the
 * previous one and needs the three acceptances again.
 */
public final class AgreementVersion {

    public static final int MAX_OBJECTIVES = 20;

    private final int number;
    private List<String> objectives;
    private final Party proposedBy;
    private final Instant proposedAt;
    private final Map<Party, Instant> acceptances;

    public AgreementVersion(int number, List<String> objectives, Party proposedBy, Instant proposedAt,
                            Map<Party, Instant> acceptances) {
        this.number = number;
        this.objectives = objectives == null ? null : List.copyOf(objectives);
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.acceptances = acceptances.isEmpty() ? new EnumMap<>(Party.class) : new EnumMap<>(acceptances);
    }

    static AgreementVersion propose(int number, List<String> objectives, Party by, Instant now) {
        if (objectives == null || objectives.isEmpty() || objectives.size() > MAX_OBJECTIVES) {
            throw RuleViolation.invalid("objectives", "entre 1 et " + MAX_OBJECTIVES + " objectifs");
        }
        for (int i = 0; i < objectives.size(); i++) {
            String o = objectives.get(i);
            if (o == null || o.isBlank() || o.length() > 1000) {
                throw RuleViolation.invalid("objectives[" + i + "]",
                        "un objectif est un texte non vide d'au plus 1000 caractères");
            }
        }
        // whoever proposes a version accepts it
        return new AgreementVersion(number, objectives.stream().map(String::strip).toList(), by, now,
                Map.of(by, now));
    }

    void accept(Party party, Instant now) {
        if (acceptances.containsKey(party)) {
            throw new RuleViolation.StateConflict("accord-deja-accepte",
                    "Vous avez déjà accepté la version " + number + " de la convention.");
        }
        acceptances.put(party, now);
    }

    public boolean acceptedByAll() {
        return acceptances.keySet().containsAll(List.of(Party.values()));
    }

    void eraseObjectives() {
        objectives = null;
    }

    public int number() { return number; }
    public List<String> objectives() { return objectives; }
    public Party proposedBy() { return proposedBy; }
    public Instant proposedAt() { return proposedAt; }
    public Map<Party, Instant> acceptances() { return Map.copyOf(acceptances); }
}
