package fr.dataterritoires.roadmaps.domain.roadmap;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The transition table shared by committee roadmaps and ministerial sections:
 *
 * <pre>
 * DRAFT --SUBMIT--> SUBMITTED --START_REVIEW--> UNDER_REVIEW --ARBITRATE--> ARBITRATED --PUBLISH--> PUBLISHED
 *                                               UNDER_REVIEW --REQUEST_CHANGES--> CHANGES_REQUESTED
 * CHANGES_REQUESTED --REOPEN--> DRAFT        CHANGES_REQUESTED --SUBMIT--> SUBMITTED
 * </pre>
 *
 * PUBLISHED is final. Any other (status, action) pair is refused.
 */
public final class Workflow {

    private static final Map<RoadmapStatus, Map<WorkflowAction, RoadmapStatus>> TABLE = new EnumMap<>(RoadmapStatus.class);

    static {
        for (RoadmapStatus s : RoadmapStatus.values()) {
            TABLE.put(s, new EnumMap<>(WorkflowAction.class));
        }
        TABLE.get(RoadmapStatus.DRAFT).put(WorkflowAction.SUBMIT, RoadmapStatus.SUBMITTED);
        TABLE.get(RoadmapStatus.SUBMITTED).put(WorkflowAction.START_REVIEW, RoadmapStatus.UNDER_REVIEW);
        TABLE.get(RoadmapStatus.UNDER_REVIEW).put(WorkflowAction.REQUEST_CHANGES, RoadmapStatus.CHANGES_REQUESTED);
        TABLE.get(RoadmapStatus.UNDER_REVIEW).put(WorkflowAction.ARBITRATE, RoadmapStatus.ARBITRATED);
        TABLE.get(RoadmapStatus.CHANGES_REQUESTED).put(WorkflowAction.REOPEN, RoadmapStatus.DRAFT);
        TABLE.get(RoadmapStatus.CHANGES_REQUESTED).put(WorkflowAction.SUBMIT, RoadmapStatus.SUBMITTED);
        TABLE.get(RoadmapStatus.ARBITRATED).put(WorkflowAction.PUBLISH, RoadmapStatus.PUBLISHED);
    }

    private Workflow() {
    }

    public static Optional<RoadmapStatus> next(RoadmapStatus from, WorkflowAction action) {
        return Optional.ofNullable(TABLE.get(from).get(action));
    }

    /** The target status, or a state conflict in French. */
    public static RoadmapStatus require(RoadmapStatus from, WorkflowAction action) {
        return next(from, action).orElseThrow(() -> new RuleViolation.StateConflict(
                "feuille-de-route.transition-impossible", "La feuille de route est " + from.label()
                        + " : l'action " + action + " n'est pas possible dans cet état."));
    }

    public static boolean isFinal(RoadmapStatus status) {
        return TABLE.get(status).isEmpty();
    }
}
