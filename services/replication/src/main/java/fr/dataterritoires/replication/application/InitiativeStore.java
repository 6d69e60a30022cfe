package fr.dataterritoires.replication.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.replication.domain.initiative.Initiative;

/** Port: initiatives, their maturity steps and the awards they track. */
public interface InitiativeStore {

    void insert(Initiative initiative);

    /** Writes {@code changed} if the stored version is still {@code changed.version() - 1}; false otherwise. */
    boolean update(Initiative changed);

    Optional<Initiative> find(UUID id);

    /** Locks the row until the transaction ends. */
    Optional<Initiative> findForUpdate(UUID id);

    Optional<Initiative> findByAward(UUID awardId);

    /**
     * Initiatives by territory key ({@code level:code}, the initiative's own territories or a replication's), lead
     * SIREN and maturity, any of them null for all; ordered by title then id.
     */
    List<Initiative> list(String territoryKey, String leadSiren, String maturity, int limit, int offset);

    List<Initiative> all();
}
