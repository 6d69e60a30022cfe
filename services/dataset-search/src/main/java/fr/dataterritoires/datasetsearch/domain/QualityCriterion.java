package fr.dataterritoires.datasetsearch.domain;

/**
 * The named criteria of the quality score, shown to users so that producers know what to improve (udata's metadata
 * quality, data.gouv.fr#874).
 */
public enum QualityCriterion {
    DESCRIPTION("description de plus de 100 caractères"),
    LICENCE("licence déclarée"),
    OPEN_FORMAT("au moins une ressource dans un format ouvert"),
    SPATIAL_COVERAGE("couverture territoriale renseignée"),
    TEMPORAL_COVERAGE("couverture temporelle renseignée"),
    UPDATE_FREQUENCY_KEPT("fréquence de mise à jour déclarée et respectée"),
    RESOURCES_AVAILABLE("ressources disponibles");

    private final String label;

    QualityCriterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
