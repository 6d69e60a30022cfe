package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Application;

/** Applications and their consortia; {@link #update} checks the version read (optimistic locking) and bumps it. */
public interface Applications {

    void insert(Application application);

    void update(Application application);

    Optional<Application> find(UUID id);

    Optional<Application> findForUpdate(UUID id);

    List<Application> ofCall(UUID callId);

    /** Applications whose lead is this organisation. */
    List<Application> ledBy(String siren);

    void recordConsensus(UUID applicationId, BigDecimal score, String comment);

    void recordRank(UUID applicationId, Integer rank);

    Optional<BigDecimal> consensus(UUID applicationId);

    Optional<Integer> rank(UUID applicationId);
}
