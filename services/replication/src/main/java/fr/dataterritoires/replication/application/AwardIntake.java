package fr.dataterritoires.replication.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.programme.Cohort;
import fr.dataterritoires.replication.domain.programme.SupportAction;
import fr.dataterritoires.replication.domain.programme.SupportKind;

/**
 * What commons-calls' events change here, in the inbound consumer's transaction (MANDATORY: the event id is recorded
 * in it, so effects happen once per event id), and idempotent by content too (the same award or allocation
 * published again by another event changes nothing):
 * <ul>
 * <li>{@code AwardGranted} with a commons: the initiative tracking that award is updated; else the lead's initiative
 * with the same title (an award of a commons already registered); else a new initiative is created. The award shows
 * as a COMMONS_AWARD support.</li>
 * <li>{@code PreciputAllocated} for REPLICATION_SUPPORT: a PRECIPUT_ALLOCATION support of the initiative named.</li>
 * </ul>
 */
@Service
public class AwardIntake {

    private final InitiativeStore initiatives;
    private final ProgrammeStore programme;
    private final AuditTrail audit;
    private final Clock clock;
    private final RegistryMetrics metrics;

    public AwardIntake(InitiativeStore initiatives, ProgrammeStore programme, AuditTrail audit, Clock clock,
            RegistryMetrics metrics) {
        this.initiatives = initiatives;
        this.programme = programme;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An award of commons-calls; {@code award.commons()} is present (events without a commons are not for us). */
    public record Award(UUID awardId, String leadSiren, String funderSiren, BigDecimal amount, Instant grantedAt,
            Initiative.AwardedCommons commons) {
    }

    public record Allocation(UUID allocationId, UUID initiativeId, String beneficiarySiren, String beneficiaryName,
            BigDecimal amount, Instant allocatedAt, String reason) {
    }

    /** @return the initiative tracking the award */
    @Transactional(propagation = Propagation.MANDATORY)
    public Initiative awardGranted(Award award, UUID eventId) {
        Optional<Initiative> tracked = initiatives.findByAward(award.awardId());
        if (tracked.isPresent()) {
            return tracked.get();
        }
        Optional<Initiative> sameCommons = initiatives.list(null, award.leadSiren(), null, 500, 0).stream()
                .filter(i -> i.title().equalsIgnoreCase(award.commons().commons().title())).findFirst();
        Initiative result;
        if (sameCommons.isPresent()) {
            Initiative current = initiatives.findForUpdate(sameCommons.get().id()).orElseThrow();
            result = current.awarded(award.awardId(), award.commons());
            initiatives.update(result);
            audit.record(RegistryEvents.SYSTEM, "initiative.awarded", RegistryEvents.INITIATIVE, result.id().toString(),
                    current, Map.of("initiative", result, "event", eventId.toString()));
        } else {
            result = Initiative.fromAward(UUID.randomUUID(), award.awardId(), award.leadSiren(), award.commons(),
                    clock.instant());
            initiatives.insert(result);
            audit.record(RegistryEvents.SYSTEM, "initiative.created-from-award", RegistryEvents.INITIATIVE,
                    result.id().toString(), null, Map.of("initiative", result, "event", eventId.toString()));
            metrics.initiativeCreated();
        }
        support(result.id(), SupportKind.COMMONS_AWARD, award.funderSiren(), null, award.amount(), award.grantedAt(),
                "Lauréat d'un appel à communs", award.awardId(), eventId);
        return result;
    }

    /** @return false when the initiative named is unknown here */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean preciputAllocated(Allocation allocation, UUID eventId) {
        if (initiatives.find(allocation.initiativeId()).isEmpty()) {
            return false;
        }
        support(allocation.initiativeId(), SupportKind.PRECIPUT_ALLOCATION, allocation.beneficiarySiren(),
                allocation.beneficiaryName(), allocation.amount(), allocation.allocatedAt(),
                allocation.reason() == null ? "Allocation du préciput (soutien à la réplication)" : allocation.reason(),
                allocation.allocationId(), eventId);
        return true;
    }

    private void support(UUID initiativeId, SupportKind kind, String providerSiren, String providerName,
            BigDecimal amount, Instant at, String description, UUID source, UUID eventId) {
        LocalDate on = LocalDate.ofInstant(at, InitiativeService.PARIS);
        UUID cohort = programme.cohortOf(initiativeId).filter(c -> c.supports(on)).map(Cohort::id).orElse(null);
        String text = description.length() > 2000 ? description.substring(0, 2000) : description;
        SupportAction support = new SupportAction(UUID.randomUUID(), initiativeId, null, cohort, kind, providerSiren,
                providerName, amount, on, text, source.toString());
        if (programme.insertSupport(support)) {
            audit.record(RegistryEvents.SYSTEM, "support.received", RegistryEvents.SUPPORT, support.id().toString(),
                    null, Map.of("support", support, "event", eventId.toString()));
        }
    }
}
