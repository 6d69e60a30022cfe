package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;

import fr.dataterritoires.platform.errors.rules.Checks;

/**
 * What the national instance granted to a financial line or an action, with its reason. {@code fte} only for a
 * ministerial action (null otherwise).
 */
public record Grant(BigDecimal amount, BigDecimal fte, String reason) {

    public static final int REASON_MAX = 2000;

    public Grant {
        amount = Checks.euros(amount, "grantedAmount");
        fte = fte == null ? null : Checks.fte(fte, "grantedFte");
        reason = Checks.required(reason, "reason", REASON_MAX);
    }
}
