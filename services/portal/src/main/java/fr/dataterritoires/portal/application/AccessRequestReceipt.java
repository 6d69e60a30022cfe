package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.time.LocalDate;

/** An access request as dataset-search returns it to its requester. */
public record AccessRequestReceipt(String id, String datasetId, String datasetTitle, String organisationSiren,
                                   String purpose, LocalDate wishedStart, LocalDate wishedEnd, String state,
                                   String stateLabel, Instant submittedAt, LocalDate deadline, boolean overdue,
                                   String refusalReason) {
}
