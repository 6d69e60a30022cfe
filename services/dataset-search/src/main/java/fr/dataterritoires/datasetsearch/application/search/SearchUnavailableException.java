package fr.dataterritoires.datasetsearch.application.search;

import fr.dataterritoires.platform.errors.ServiceUnavailableException;

/**
 * The search index cannot be reached (node down, index missing): the platform answers 503 (gRPC UNAVAILABLE), not an
 * unexpected failure.
 */
public class SearchUnavailableException extends ServiceUnavailableException {

    public SearchUnavailableException(Throwable cause) {
        super("La recherche est momentanément indisponible. Réessayez dans quelques instants.", cause);
    }
}
