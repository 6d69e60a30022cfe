package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequest;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestId;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestState;

/** Stored access requests. */
public interface AccessRequestStore {

    /**
     * @param territories the dataset's covered territory keys at submission (for territorial demand lists)
     * @param scope       those keys with their enclosing territories ({@code DemandTerritories.withEnclosing})
     */
    void insert(AccessRequest request, Set<String> territories, Set<String> scope);

    /** Writes the new state; fails with an optimistic-locking conflict when the stored version moved. */
    void update(AccessRequest request);

    Optional<AccessRequest> find(AccessRequestId id);

    /** Locks the row for the rest of the transaction. */
    Optional<AccessRequest> findForUpdate(AccessRequestId id);

    /** Requests matching the filter, newest first. */
    List<AccessRequest> list(Filter filter, int limit, int offset);

    /**
     * Open requests whose deadline is before {@code today}, locked, skipping rows another replica holds, oldest first.
     */
    List<AccessRequest> lockOpenPastDeadline(LocalDate today, int limit);

    /**
     * Closed requests answered at or before {@code cutoff} whose requester's personal data is still kept, locked,
     * skipping rows another replica holds, oldest answer first.
     */
    List<AccessRequest> lockClosedAnsweredBefore(Instant cutoff, int limit);

    /** Requests for the dataset that still express demand: all but the withdrawn ones (refused ones count: unmet). */
    int countForDataset(DatasetId dataset);

    /**
     * Which requests to list. Null members do not filter; {@code requesterSubject} and {@code producerSiren} are
     * combined with OR when both are set (a caller sees what they asked and what they must answer).
     *
     * @param overdueOn when set, only open requests whose deadline is before this day
     */
    record Filter(String requesterSubject, String producerSiren, AccessRequestState state, LocalDate overdueOn,
                  DatasetId dataset) {
    }
}
