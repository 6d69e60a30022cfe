package fr.dataterritoires.datasetsearch.web.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.datasetsearch.application.demand.AccessRequestDetails;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequest;

/**
 * An access request as its requester, the producer or a coordinator sees it.
 *
 * @param deadline  last day for an answer (one month after submission, CRPA art. R311-13)
 * @param overdue   no answer and the deadline has passed
 * @param daysLeft  days left to answer (negative once overdue); absent once answered
 * @param requesterErasedAt when the requester's name and e-mail were erased (retention period over); absent before
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessRequestResponse(UUID id, UUID datasetId, String datasetTitle, String producerSiren,
                                    String organisationSiren, String requesterName, String requesterEmail,
                                    String purpose, LocalDate wishedStart, LocalDate wishedEnd, String legalBasis,
                                    String state, String stateLabel, Instant submittedAt, LocalDate deadline,
                                    boolean overdue, Long daysLeft, Instant acknowledgedAt, Instant answeredAt,
                                    String refusalReason, Instant requesterErasedAt, long version) {

    static AccessRequestResponse of(AccessRequestDetails details) {
        AccessRequest r = details.request();
        return new AccessRequestResponse(r.id().value(), r.datasetId().value(), details.datasetTitle(),
                r.producer() == null ? null : r.producer().value(), r.organisation().value(), r.requester().name(),
                r.requester().email(), r.purpose(), r.period().start(), r.period().end(), r.legalBasis(),
                r.state().name(), r.state().label(), r.submittedAt(), r.deadline(), details.overdue(),
                details.daysLeft(), r.acknowledgedAt(), r.answeredAt(), r.refusalReason(), r.requester().erasedAt(),
                r.version());
    }
}
