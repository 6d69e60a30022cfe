package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Award;
import fr.dataterritoires.commonscalls.domain.Tranche;

/** Evaluator assignments, awards, their tranches, payments and reports. */
public interface Grants {

    record Assignment(UUID id, UUID applicationId, String evaluatorSubject, String evaluatorSiren, String status,
                      String conflictReason, Map<String, Object> scores, BigDecimal total, Instant assignedAt,
                      Instant submittedAt) {
    }

    record Report(UUID id, UUID trancheId, String title, String summary, String documentUrl, String submittedBy,
                  Instant submittedAt) {
    }

    void insert(Assignment assignment);

    void update(Assignment assignment);

    Optional<Assignment> assignment(UUID applicationId, String evaluatorSubject);

    List<Assignment> assignments(UUID applicationId);

    void insert(Award award);

    Optional<Award> award(UUID id);

    Optional<Award> awardOf(UUID applicationId);

    List<Award> awardsOf(UUID callId);

    List<Award> awards(Collection<UUID> ids);

    /** Awards whose consortium includes this organisation. */
    List<Award> awardsOfOrganisation(String siren);

    void signAgreement(UUID awardId, LocalDate signedOn, String reference, List<Tranche.Planned> plan);

    List<Tranche> tranches(UUID awardId);

    void pay(UUID trancheId, BigDecimal amount, LocalDate paidOn, String reference);

    void insert(Report report);

    List<Report> reports(UUID trancheId);

    /** Sum of the payments made on the award's tranches. */
    BigDecimal disbursed(UUID awardId);
}
