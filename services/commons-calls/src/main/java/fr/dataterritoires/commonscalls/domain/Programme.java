package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** A funding programme of a funder; its préciput rate is levied on the funding of its innovation projects. */
public record Programme(UUID id, UUID funderId, String name, BigDecimal preciputRate) {

    public Programme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(funderId, "funderId");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw RuleViolation.invalid("name", "nom du programme obligatoire (200 caractères au plus)");
        }
        preciputRate = Money.rate("preciputRate", preciputRate);
    }
}
