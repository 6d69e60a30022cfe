package fr.dataterritoires.roadmaps.application.roadmap;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.dataterritoires.roadmaps.domain.roadmap.ReceivedAward;

/** Port: awards of calls for commons linked to roadmap items. */
public interface AwardStore {

    /** Records the award unless one with its id is already there; whether it was new. */
    boolean add(ReceivedAward award, Instant receivedAt, UUID eventId);

    /** The roadmap's awards, oldest grant first. */
    List<ReceivedAward> ofRoadmap(UUID roadmapId);
}
