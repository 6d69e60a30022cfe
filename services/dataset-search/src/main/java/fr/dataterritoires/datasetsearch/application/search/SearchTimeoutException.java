package fr.dataterritoires.datasetsearch.application.search;

import fr.dataterritoires.platform.errors.TimeBudgetExceededException;

/**
 * A search ran past its time budget: the caller gets a clear "try a narrower search" rather than a slow answer. The
 * platform answers it (REST 504 {@code delai-de-recherche-depasse}, gRPC DEADLINE_EXCEEDED).
 */
public class SearchTimeoutException extends TimeBudgetExceededException {

    public SearchTimeoutException(Throwable cause) {
        super("La recherche a dépassé le temps imparti. Réessayez ou affinez la recherche (filtres, termes plus "
                + "précis).", cause);
    }
}
