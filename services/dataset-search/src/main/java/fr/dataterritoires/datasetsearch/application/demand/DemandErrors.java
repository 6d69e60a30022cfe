package fr.dataterritoires.datasetsearch.application.demand;

import java.util.function.Supplier;

import fr.dataterritoires.datasetsearch.domain.demand.DemandRuleViolation;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.DomainRuleViolation;

/** Domain refusals as the platform's: a state conflict is a 409, any other rule a 422, both with the French detail. */
final class DemandErrors {

    private DemandErrors() {
    }

    static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (DemandRuleViolation.StateConflict conflict) {
            throw new ConflictException(conflict.getMessage());
        } catch (DemandRuleViolation violation) {
            throw new DomainRuleViolation(violation.rule(), violation.getMessage());
        }
    }

    static void run(Runnable action) {
        translate(() -> {
            action.run();
            return null;
        });
    }
}
