package fr.dataterritoires.roadmaps.application.governance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;

/** Port: where governance bodies and their memberships are kept. */
public interface GovernanceBodies {

    Optional<GovernanceBody> find(UUID id);

    /** Locks the body until the transaction ends. */
    Optional<GovernanceBody> findForUpdate(UUID id);

    Optional<GovernanceBody> committeeOf(String regionCode);

    GovernanceBody nationalInstance();

    /** Committees sorted by région code. */
    List<GovernanceBody> committees();

    void insert(GovernanceBody body);

    /** Writes the body and its memberships (new ones added, ended ones updated); optimistic on its version. */
    void update(GovernanceBody body);
}
