package fr.dataterritoires.roadmaps.application.priority;

import java.time.LocalDate;
import java.util.Set;

import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.priority.PriorityLevel;
import fr.dataterritoires.roadmaps.domain.priority.PrioritySubject;
import fr.dataterritoires.roadmaps.domain.roadmap.AccessLevel;

/** A priority to declare: nationally (national coordinators) or for a région (its committee members). */
public record DeclarePriority(PriorityLevel level, String regionCode, PrioritySubject subject, String title,
                              String datasetReference, String theme, Set<TerritoryKey> territories,
                              AccessLevel targetAccessLevel, LocalDate targetDate) {
}
