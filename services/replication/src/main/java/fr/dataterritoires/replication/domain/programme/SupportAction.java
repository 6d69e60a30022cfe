package fr.dataterritoires.replication.domain.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.replication.domain.Sirens;

/**
 * A support action received by an initiative (or one of its replications): funding with its amount in euros, or
 * mentoring / expertise by a mutualisation structure (its SIREN). {@code sourceRef} names what it came from (the
 * préciput allocation or award id) so that an event delivered twice is one support.
 */
public record SupportAction(UUID id, UUID initiativeId, UUID replicationId, UUID cohortId, SupportKind kind,
        String providerSiren, String providerName, BigDecimal amount, LocalDate receivedOn, String description,
        String sourceRef) {

    public SupportAction {
        Checks.notNull(kind, "kind");
        providerSiren = Sirens.required(providerSiren, "providerSiren");
        providerName = Checks.optional(providerName, "providerName", 300);
        description = Checks.optional(description, "description", 2000);
        Checks.notNull(receivedOn, "receivedOn");
        sourceRef = Checks.optional(sourceRef, "sourceRef", 100);
        if (kind.isMoney()) {
            amount = Checks.euros(amount, "amount");
            if (amount.signum() == 0) {
                throw RuleViolation.invalid("amount", "Un financement est supérieur à zéro.");
            }
        } else if (amount != null) {
            throw RuleViolation.invalid("amount", "Un accompagnement (" + kind + ") n'a pas de montant.");
        } else if (description == null) {
            throw RuleViolation.invalid("description", "Décrivez l'accompagnement reçu.");
        }
    }
}
