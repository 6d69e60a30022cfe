package fr.dataterritoires.commonscalls.domain;

import java.util.Objects;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/** An organisation of a consortium, by SIREN: the lead or a member. */
public record ConsortiumMember(Siren siren, String name, ApplicantType type, Role role) {

    public enum Role {
        LEAD, MEMBER
    }

    public ConsortiumMember {
        Objects.requireNonNull(siren, "siren");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw RuleViolation.invalid("consortium.name", "nom de l'organisation obligatoire (200 caractères au plus)");
        }
        if (type == null) {
            throw RuleViolation.invalid("consortium.type", "type d'organisation obligatoire");
        }
        Objects.requireNonNull(role, "role");
    }
}
