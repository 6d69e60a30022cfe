package fr.dataterritoires.roadmaps.web;

import java.util.List;
import java.util.Set;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.territory.Siren;

/** Parsing of coded inputs at the edge; each failure names the field. */
final class Inputs {

    private Inputs() {
    }

    static Siren siren(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(field, "Le SIREN « " + field + " » est obligatoire.");
        }
        try {
            return Siren.parse(raw);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, e.getMessage());
        }
    }

    static List<Siren> sirens(List<String> raw, String field) {
        if (raw == null) {
            return List.of();
        }
        java.util.ArrayList<Siren> out = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(siren(raw.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    static Set<TerritoryKey> territories(List<String> raw, String field) {
        return TerritoryKey.parseAll(raw, field);
    }

    /** A région code: two digits naming a current région. */
    static String region(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw RuleViolation.invalid(field, "La région (" + field + ") est obligatoire.");
        }
        try {
            return TerritoryKey.region(raw).code();
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid(field, "Région (" + field + ") : " + e.getMessage());
        }
    }
}
