package fr.dataterritoires.commonscalls.domain;

import java.util.Objects;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Siren;

/** A funding organisation (ANCT, ADEME, IGN, Banque des Territoires, a ministry...), by SIREN. */
public record Funder(UUID id, Siren siren, String name) {

    public Funder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(siren, "siren");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw RuleViolation.invalid("name", "nom du financeur obligatoire (200 caractères au plus)");
        }
    }
}
