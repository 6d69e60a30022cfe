package fr.dataterritoires.replication.domain.replica;

import java.math.BigDecimal;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.replication.domain.Sirens;

/** A cost of the replication shared with others: who pays (SIREN), how much (euros), for what. */
public record CostShare(String payerSiren, BigDecimal amount, String description) {

    public CostShare {
        payerSiren = Sirens.required(payerSiren, "sharedCosts.payerSiren");
        amount = Checks.euros(amount, "sharedCosts.amount");
        description = Checks.required(description, "sharedCosts.description", 500);
    }
}
