package fr.dataterritoires.replication.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.replication.domain.programme.Candidacy;
import fr.dataterritoires.replication.domain.programme.CandidateCall;
import fr.dataterritoires.replication.domain.programme.Cohort;
import fr.dataterritoires.replication.domain.programme.SupportAction;

/** Port: calls for candidates, candidacies, cohorts and support actions. */
public interface ProgrammeStore {

    void insertCall(CandidateCall call);

    boolean updateCall(CandidateCall call);

    Optional<CandidateCall> findCall(UUID id);

    Optional<CandidateCall> findCallForUpdate(UUID id);

    /** Newest first (opening date, then id): one page. */
    List<CandidateCall> calls(int limit, int offset);

    void insertCandidacy(Candidacy candidacy);

    /** Writes scores, status and (once selected) score and rank. */
    boolean updateCandidacy(Candidacy candidacy, BigDecimal score, Integer rank);

    Optional<Candidacy> findCandidacy(UUID id);

    List<Candidacy> candidacies(UUID callId);

    /** Score and rank published with a decided candidacy, empty while submitted. */
    Optional<Ranking> ranking(UUID candidacyId);

    record Ranking(BigDecimal score, int rank) {
    }

    void insertCohort(Cohort cohort);

    Optional<Cohort> cohortOfCall(UUID callId);

    Optional<Cohort> findCohort(UUID id);

    /** The first cohort the initiative was selected into. */
    Optional<Cohort> cohortOf(UUID initiativeId);

    /** False when a support from the same source ({@code kind}, {@code sourceRef}) is already recorded. */
    boolean insertSupport(SupportAction support);

    List<SupportAction> supportsOf(UUID initiativeId);
}
