package fr.dataterritoires.roadmaps.domain.roadmap;

/** Where a roadmap stands in the review workflow ({@link Workflow}). */
public enum RoadmapStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    CHANGES_REQUESTED,
    ARBITRATED,
    PUBLISHED;

    /** Content (items, amounts, texts) may change only while the issuer holds the pen. */
    public boolean isEditable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "brouillon";
            case SUBMITTED -> "soumise";
            case UNDER_REVIEW -> "en cours d'examen";
            case CHANGES_REQUESTED -> "à modifier";
            case ARBITRATED -> "arbitrée";
            case PUBLISHED -> "publiée";
        };
    }
}
