package fr.dataterritoires.datasetsearch.web.catalogue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.dataterritoires.platform.errors.GoneException;
import fr.dataterritoires.platform.errors.ProblemTypes;

/** The catalogue's own problem: a withdrawn dataset (410, answered by the platform as a {@link GoneException}). */
public final class CatalogueProblems {

    /** 410: the dataset existed and was withdrawn from every source that carried it. Never rename. */
    public static final String WITHDRAWN = ProblemTypes.BASE + "jeu-de-donnees-retire";

    private CatalogueProblems() {
    }

    static GoneException withdrawn(String id, String title, Instant withdrawnAt) {
        String detail = "Le jeu de données " + (title == null ? id : "« " + title + " » (" + id + ")")
                + " a été retiré : aucune des sources qui le publiaient ne le propose plus"
                + (withdrawnAt == null ? "." : " depuis le " + withdrawnAt + ".");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasetId", id);
        if (withdrawnAt != null) {
            properties.put("withdrawnAt", withdrawnAt.toString());
        }
        return new GoneException(WITHDRAWN, "Jeu de données retiré", detail, properties);
    }
}
