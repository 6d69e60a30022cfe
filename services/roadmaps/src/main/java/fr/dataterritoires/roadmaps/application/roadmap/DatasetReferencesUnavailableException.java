package fr.dataterritoires.roadmaps.application.roadmap;

import java.time.Duration;

import fr.dataterritoires.platform.errors.ServiceUnavailableException;

/**
 * The catalogue (dataset-search) could not say whether the referenced datasets exist: down, too slow, or refusing
 * the call. The change that needed the check is refused (a 503 to the caller, who may try again), never accepted
 * unchecked.
 */
public class DatasetReferencesUnavailableException extends ServiceUnavailableException {

    /** About the time the circuit breaker stays open. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    public DatasetReferencesUnavailableException(Throwable cause) {
        super("Le catalogue des jeux de données ne répond pas : la référence au jeu de données ne peut pas être "
                + "vérifiée pour l'instant. Réessayez dans quelques instants.", cause, "dataset-search", RETRY_AFTER);
    }
}
