package fr.dataterritoires.exchanges.domain;

/** An offer is drafted, published (open to applications), then closed. */
public enum OfferStatus {
    DRAFT,
    PUBLISHED,
    CLOSED
}
