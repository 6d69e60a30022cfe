package fr.dataterritoires.roadmaps.application.priority;

import java.util.List;

import fr.dataterritoires.roadmaps.domain.priority.Priority;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;

/** Port: the national and local priority lists. */
public interface PriorityStore {

    void insert(Priority priority);

    /** In declaration order; {@code level} or {@code regionCode} null for any. */
    List<Priority> list(PriorityLevel level, String regionCode);
}
