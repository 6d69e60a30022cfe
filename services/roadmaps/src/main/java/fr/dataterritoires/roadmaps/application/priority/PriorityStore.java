package fr.dataterritoires.roadmaps.application.priority;

import java.util.List;

import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;

/** Port: the national and local priority lists. */
public interface PriorityStore {

    void insert(Priority priority);

    /**
     * In declaration order; {@code level} or {@code regionCode} null for any. Unpaged: for the consolidation, whose
     * national priorities the coordination declares by hand (a few dozen).
     */
    List<Priority> list(PriorityLevel level, String regionCode);

    /** One page of {@link #list(PriorityLevel, String)}, in the same order (declaration time, then id). */
    List<Priority> list(PriorityLevel level, String regionCode, int limit, int offset);
}
