package fr.dataterritoires.commonscalls.domain;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/** Conflicts of interest: an evaluator from an organisation of the consortium is excluded automatically. */
public final class Conflicts {

    private Conflicts() {
    }

    public static void requireIndependent(Proposal proposal, Siren evaluatorOrganisation) {
        if (proposal.involves(evaluatorOrganisation)) {
            throw new RuleViolation("conflit-interets", "evaluatorSiren", "Conflit d'intérêts : l'organisation "
                    + evaluatorOrganisation + " de l'évaluateur est membre du consortium ; il est exclu de cette évaluation.");
        }
    }
}
