package fr.dataterritoires.roadmaps.domain.roadmap;

/** The kinds of roadmap item, each allowed in one kind of roadmap. */
public enum ItemKind {
    /** Cas d'usage prioritaire. */
    USE_CASE(RoadmapKind.COMMITTEE),
    /** Jeu de données à ouvrir ou partager. */
    DATASET(RoadmapKind.COMMITTEE),
    /** Répartition des rôles. */
    ROLE_ALLOCATION(RoadmapKind.COMMITTEE),
    /** Ligne du volet financier. */
    FINANCIAL_LINE(RoadmapKind.COMMITTEE),
    /** Action sur les territoires (ministère). */
    ACTION(RoadmapKind.MINISTERIAL),
    /** Engagement de retour des données aux collectivités (ministère). */
    DATA_RETURN(RoadmapKind.MINISTERIAL),
    /** Outil national co-construit avec les collectivités (ministère). */
    NATIONAL_TOOL(RoadmapKind.MINISTERIAL);

    private final RoadmapKind roadmapKind;

    ItemKind(RoadmapKind roadmapKind) {
        this.roadmapKind = roadmapKind;
    }

    public RoadmapKind roadmapKind() {
        return roadmapKind;
    }

    /** Items the national instance arbitrates: an amount is requested and granted. */
    public boolean isArbitrated() {
        return this == FINANCIAL_LINE || this == ACTION;
    }
}
