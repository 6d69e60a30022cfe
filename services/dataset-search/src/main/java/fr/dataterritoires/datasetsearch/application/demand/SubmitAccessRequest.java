package fr.dataterritoires.datasetsearch.application.demand;

import java.time.LocalDate;

/**
 * What a requester sends.
 *
 * @param organisationSiren the requesting organisation; taken from the token when the caller holds a SIREN-scoped role
 *                          (then it must be absent or the same)
 */
public record SubmitAccessRequest(String datasetId, String organisationSiren, String requesterName,
                                  String requesterEmail, String purpose, LocalDate wishedStart, LocalDate wishedEnd,
                                  String legalBasis) {
}
