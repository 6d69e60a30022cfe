package fr.dataterritoires.datasetsearch.domain.demand;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

import java.time.LocalDate;

/** When the requester wishes to use the data: from {@code start} to {@code end}, the end strictly after the start. */
public record WishedPeriod(LocalDate start, LocalDate end) {

    public WishedPeriod {
        if (start == null) {
            throw new RuleViolation("champ-obligatoire", "wishedStart",
                    "La date de début souhaitée (wishedStart) est obligatoire.");
        }
        if (end == null) {
            throw new RuleViolation("champ-obligatoire", "wishedEnd",
                    "La date de fin souhaitée (wishedEnd) est obligatoire.");
        }
        if (!end.isAfter(start)) {
            throw new RuleViolation("demande-acces.periode-invalide", "wishedEnd",
                    "La date de fin souhaitée (wishedEnd, " + end + ") doit être postérieure à la date de début ("
                            + start + ").");
        }
    }
}
