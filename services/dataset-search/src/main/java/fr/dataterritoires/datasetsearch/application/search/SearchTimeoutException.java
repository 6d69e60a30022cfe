package fr.dataterritoires.datasetsearch.application.search;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.errors.UserFacingMessage;

/** A search ran past its time budget: the caller gets a clear "try a narrower search" rather than a slow answer. */
public class SearchTimeoutException extends RuntimeException implements UserFacingMessage {

    /** Stable problem type of a search past its budget (REST 504, gRPC DEADLINE_EXCEEDED trailer). */
    public static final String PROBLEM_TYPE = ProblemTypes.BASE + "delai-de-recherche-depasse";

    public SearchTimeoutException(Throwable cause) {
        super("La recherche a dépassé le temps imparti. Réessayez ou affinez la recherche (filtres, termes plus "
                + "précis).", cause);
    }
}
