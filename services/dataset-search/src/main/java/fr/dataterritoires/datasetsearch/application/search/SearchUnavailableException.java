package fr.dataterritoires.datasetsearch.application.search;

import fr.dataterritoires.platform.errors.UserFacingMessage;

/** The search index cannot be reached (node down, index missing): a 503, not an unexpected failure. */
public class SearchUnavailableException extends RuntimeException implements UserFacingMessage {

    public SearchUnavailableException(Throwable cause) {
        super("La recherche est momentanément indisponible. Réessayez dans quelques instants.", cause);
    }
}
