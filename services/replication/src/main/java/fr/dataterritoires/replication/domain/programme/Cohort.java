package fr.dataterritoires.replication.domain.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;

/** A cohort formed by a call's selection, supported from {@code supportStart} to {@code supportEnd}. */
public record Cohort(UUID id, UUID callId, String name, LocalDate supportStart, LocalDate supportEnd,
        List<UUID> initiativeIds) {

    public Cohort {
        name = Checks.required(name, "cohortName", 200);
        initiativeIds = List.copyOf(initiativeIds);
    }

    public boolean supports(LocalDate day) {
        return !day.isBefore(supportStart) && !day.isAfter(supportEnd);
    }
}
