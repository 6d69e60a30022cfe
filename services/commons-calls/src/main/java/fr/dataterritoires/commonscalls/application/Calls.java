package fr.dataterritoires.commonscalls.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Call;

/** Calls; {@link #update} checks the version read (optimistic locking) and bumps it. */
public interface Calls {

    void insert(Call call);

    void update(Call call);

    Optional<Call> find(UUID id);

    /** The call, its row locked until the transaction ends. */
    Optional<Call> findForUpdate(UUID id);

    /**
     * The call, its row locked in share mode until the transaction ends: concurrent holders do not wait for one another,
     * and a change of the call ({@link #findForUpdate}: closing it, changing its terms) waits for them all.
     */
    Optional<Call> findForShare(UUID id);

    /** Calls that are not drafts, plus the drafts of {@code funderId} when not null: one page, newest first. */
    List<Call> visible(UUID funderId, int limit, int offset);

    long countOpen();
}
