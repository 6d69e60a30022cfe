package fr.dataterritoires.roadmaps.application.roadmap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.roadmaps.domain.roadmap.ItemComment;
import fr.dataterritoires.roadmaps.domain.roadmap.Roadmap;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapKind;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapSnapshot;
import fr.dataterritoires.roadmaps.domain.roadmap.RoadmapStatus;

/** Port: roadmaps with their items, their version history and the comments on their items. */
public interface RoadmapStore {

    Optional<Roadmap> find(UUID id);

    /** Locks the roadmap row until the transaction ends. */
    Optional<Roadmap> findForUpdate(UUID id);

    boolean existsCommitteePeriod(UUID committeeId, int startYear, int endYear);

    boolean existsMinistryYear(String ministryCode, int year);

    /** Inserts at version 1; returns 1. */
    long insert(Roadmap roadmap, Instant now);

    /** Writes the roadmap and its items if its version is still {@code roadmap.version()}; returns the new version. */
    long update(Roadmap roadmap, Instant now);

    /** Lists roadmaps; {@code statuses} empty = any. Sorted by kind, issuer, period. */
    List<Roadmap> list(Filter filter, int limit, int offset);

    /**
     * What to list. The visibility part comes from the caller: {@code everything} for a coordinator; otherwise published
     * roadmaps, plus the drafts of {@code ownRegion} / {@code ownMinistry} when the caller is their issuer.
     */
    record Filter(RoadmapKind kind, String regionCode, String ministryCode, List<RoadmapStatus> statuses,
                  boolean everything, String ownRegion, String ownMinistry) {

        public Filter(RoadmapKind kind, String regionCode, String ministryCode, List<RoadmapStatus> statuses) {
            this(kind, regionCode, ministryCode, statuses, false, null, null);
        }

        public Filter visibleTo(boolean all, String region, String ministry) {
            return new Filter(kind, regionCode, ministryCode, statuses, all, region, ministry);
        }
    }

    void appendVersion(UUID roadmapId, long number, String action, String actor, Instant at, RoadmapStatus status,
                       RoadmapSnapshot snapshot);

    List<VersionEntry> versions(UUID roadmapId);

    Optional<RoadmapSnapshot> snapshot(UUID roadmapId, long number);

    record VersionEntry(long number, String action, String actor, Instant occurredAt, RoadmapStatus status) {
    }

    void addComment(ItemComment comment);

    List<ItemComment> comments(UUID roadmapId, UUID itemId);
}
