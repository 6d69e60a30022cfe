package fr.dataterritoires.commonscalls.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A grant awarded to an application, and its agreement once signed. */
public record Award(UUID id, UUID applicationId, UUID callId, BigDecimal amount, Integer rank, String reason,
                    Instant grantedAt, LocalDate agreementSignedOn, String agreementReference) {
}
