package fr.dataterritoires.exchanges.domain;

/**
 * The host tried to accept an application while every place of the offer is taken: the application goes on the
 * waiting list (and that is kept, although the acceptance is refused).
 */
public final class OfferFull extends RuntimeException {

    public OfferFull(int capacity) {
        super("Cette offre est complète : ses " + capacity + " places sont prises. La candidature est placée sur la "
                + "liste d'attente.");
    }
}
