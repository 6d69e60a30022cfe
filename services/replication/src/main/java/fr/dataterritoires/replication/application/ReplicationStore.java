package fr.dataterritoires.replication.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.replication.domain.replica.Replication;

/** Port: replications. */
public interface ReplicationStore {

    void insert(Replication replication);

    boolean update(Replication changed);

    Optional<Replication> find(UUID id);

    Optional<Replication> findForUpdate(UUID id);

    List<Replication> ofInitiative(UUID initiativeId);

    /** Every replication not abandoned, for matching. */
    List<Replication> active();

    /** Locks every replication of the initiative (lineage changes are serialised per initiative). */
    void lockInitiative(UUID initiativeId);
}
