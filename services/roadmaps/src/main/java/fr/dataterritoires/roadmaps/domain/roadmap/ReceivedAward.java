package fr.dataterritoires.roadmaps.domain.roadmap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/**
 * An award of a call for commons (granted by commons-calls) that finances a roadmap item: it shows in the roadmap's
 * financial section beside the lines requested and granted by arbitration. Amounts in euros, exact, above zero.
 */
public record ReceivedAward(UUID awardId, UUID roadmapId, UUID itemId, String callId, String callTitle,
                            Siren funderSiren, List<Siren> beneficiarySirens, BigDecimal amount, Instant grantedAt) {

    public static final int CALL_ID_MAX = 100;
    public static final int CALL_TITLE_MAX = 300;
    public static final int BENEFICIARIES_MAX = 50;

    public ReceivedAward {
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(roadmapId, "roadmapId");
        Objects.requireNonNull(itemId, "itemId");
        callId = Checks.required(callId, "callId", CALL_ID_MAX);
        callTitle = Checks.optional(callTitle, "callTitle", CALL_TITLE_MAX);
        Checks.notNull(funderSiren, "funderSiren");
        beneficiarySirens = List.copyOf(new LinkedHashSet<>(Checks.list(beneficiarySirens, "beneficiarySirens",
                BENEFICIARIES_MAX)));
        if (beneficiarySirens.isEmpty()) {
            throw RuleViolation.invalid("beneficiarySirens", "Une aide a au moins un bénéficiaire.");
        }
        amount = Checks.euros(amount, "amount");
        if (amount.signum() == 0) {
            throw RuleViolation.invalid("amount", "Le montant d'une aide est supérieur à zéro.");
        }
        Checks.notNull(grantedAt, "grantedAt");
    }
}
