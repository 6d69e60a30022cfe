package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A disbursement tranche of a grant: pre-financing, milestones, final; each paid once, in order, when its condition is
 * met: a milestone or the final tranche is paid only once a report is attached to it.
 */
public record Tranche(UUID id, UUID awardId, int position, Kind kind, BigDecimal amount, String condition,
                      LocalDate dueOn, boolean paid, BigDecimal paidAmount, LocalDate paidOn, String paymentReference,
                      int reports) {

    public enum Kind {
        PRE_FINANCING, MILESTONE, FINAL
    }

    /** A tranche plan: amounts adding up to the award, a final tranche last, pre-financing only first. */
    public record Planned(Kind kind, BigDecimal amount, String condition, LocalDate dueOn) {
        public Planned {
            if (kind == null) {
                throw RuleViolation.invalid("tranches.kind", "type de tranche obligatoire");
            }
            amount = Money.positive("tranches.amount", amount);
            if (condition == null || condition.isBlank() || condition.length() > 2000) {
                throw RuleViolation.invalid("tranches.condition", "condition de versement obligatoire (2000 caractères au plus)");
            }
        }
    }

    public static void checkPlan(BigDecimal awardAmount, List<Planned> plan) {
        if (plan == null || plan.isEmpty() || plan.size() > 20) {
            throw RuleViolation.invalid("tranches", "de 1 à 20 tranches");
        }
        BigDecimal sum = plan.stream().map(Planned::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(awardAmount) != 0) {
            throw RuleViolation.invalid("tranches", "la somme des tranches (" + Money.format(sum)
                    + " €) doit égaler la subvention (" + Money.format(awardAmount) + " €)");
        }
        if (plan.getLast().kind() != Kind.FINAL || plan.stream().filter(p -> p.kind() == Kind.FINAL).count() != 1) {
            throw RuleViolation.invalid("tranches", "une seule tranche finale (FINAL), en dernier");
        }
        for (int i = 1; i < plan.size(); i++) {
            if (plan.get(i).kind() == Kind.PRE_FINANCING) {
                throw RuleViolation.invalid("tranches[" + i + "]", "le préfinancement est la première tranche");
            }
        }
    }

    /** Checks that this tranche may be paid now, given the tranches of the grant (in order). */
    public void requirePayable(List<Tranche> all) {
        if (paid) {
            throw new RuleViolation.StateConflict("deja-versee", "Cette tranche a déjà été versée.");
        }
        for (Tranche t : all) {
            if (t.position() < position && !t.paid()) {
                throw new RuleViolation("ordre-des-tranches", null,
                        "Les tranches se versent dans l'ordre : la tranche " + t.position() + " n'est pas encore versée.");
            }
        }
        if (kind != Kind.PRE_FINANCING && reports == 0) {
            throw new RuleViolation("rapport-manquant", null,
                    "Cette tranche est versée sur rapport : aucun rapport n'y est encore joint (condition : " + condition + ").");
        }
    }
}
