package fr.dataterritoires.datasetsearch.web.demand;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import fr.dataterritoires.platform.errors.PlausibleDate;

/**
 * A new access request.
 *
 * @param organisationSiren only for callers whose token carries no organisation (SIREN-scoped role); otherwise absent
 *                          or equal to the token's
 */
public record AccessRequestBody(
        @NotBlank @Size(max = 64) String datasetId,
        @Size(max = 20) String organisationSiren,
        @NotBlank @Size(max = 200) String requesterName,
        @NotBlank @Email @Size(max = 254) String requesterEmail,
        @NotBlank @Size(max = 2000) String purpose,
        @NotNull @PlausibleDate LocalDate wishedStart,
        @NotNull @PlausibleDate LocalDate wishedEnd,
        @Size(max = 500) String legalBasis) {
}
