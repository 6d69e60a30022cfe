package fr.dataterritoires.roadmaps.domain.roadmap;

/** The transitions of the review workflow, and who may trigger them. */
public enum WorkflowAction {
    /** The issuer hands the roadmap to the national instance. */
    SUBMIT(false),
    /** The national instance takes it up. */
    START_REVIEW(true),
    /** The national instance sends it back, with a reason. */
    REQUEST_CHANGES(true),
    /** The issuer takes the pen back (CHANGES_REQUESTED → DRAFT). */
    REOPEN(false),
    /** The national instance grants amounts per financial line or action. */
    ARBITRATE(true),
    /** The national instance publishes: the content is frozen and public. */
    PUBLISH(true);

    private final boolean coordinatorOnly;

    WorkflowAction(boolean coordinatorOnly) {
        this.coordinatorOnly = coordinatorOnly;
    }

    /** Only a national coordinator may trigger it; otherwise the issuer (or a coordinator acting for it). */
    public boolean isCoordinatorOnly() {
        return coordinatorOnly;
    }
}
