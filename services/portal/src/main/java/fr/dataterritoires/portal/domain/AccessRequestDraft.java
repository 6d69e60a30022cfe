package fr.dataterritoires.portal.domain;

/**
 * An access request as typed in the form, before dataset-search checks it (it is the judge of every rule: dates,
 * lengths, the organisation's SIREN); the form is shown again with these values and the refusals per field.
 *
 * @param organisationSiren only for a user whose account carries no organisation
 */
public record AccessRequestDraft(String datasetId, String organisationSiren, String requesterName,
                                 String requesterEmail, String purpose, String wishedStart, String wishedEnd,
                                 String legalBasis) {

    public AccessRequestDraft {
        organisationSiren = blankToNull(organisationSiren);
        requesterName = blankToNull(requesterName);
        requesterEmail = blankToNull(requesterEmail);
        purpose = blankToNull(purpose);
        wishedStart = blankToNull(wishedStart);
        wishedEnd = blankToNull(wishedEnd);
        legalBasis = blankToNull(legalBasis);
    }

    public static AccessRequestDraft forDataset(String datasetId, String name) {
        return new AccessRequestDraft(datasetId, null, name, null, null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
