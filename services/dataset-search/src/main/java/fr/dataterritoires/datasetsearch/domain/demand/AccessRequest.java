package fr.dataterritoires.datasetsearch.domain.demand;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * A request to obtain a dataset that is not open, from an organisation, for a purpose and a period.
 *
 * <pre>
 * SUBMITTED -> ACKNOWLEDGED -> GRANTED | REFUSED (reason) | WITHDRAWN (by the requester)
 *     \____________________/-> IMPLICITLY_REFUSED (no answer past the one-month deadline)
 * </pre>
 *
 * Acknowledging does not stop the legal clock: only an answer does. Final states never change again.
 */
public final class AccessRequest {

    public static final int PURPOSE_MAX = 2000;
    public static final int LEGAL_BASIS_MAX = 500;
    public static final int REASON_MAX = 2000;

    private final AccessRequestId id;
    private final DatasetId datasetId;
    private final Siren producer;
    private final Siren organisation;
    private Requester requester;
    private final String purpose;
    private final WishedPeriod period;
    private final String legalBasis;
    private final Instant submittedAt;
    private final LocalDate deadline;
    private AccessRequestState state;
    private Instant acknowledgedAt;
    private Instant answeredAt;
    private String refusalReason;
    private final long version;

    /** Rebuilds a stored request; {@code version} is its optimistic-lock version. */
    public AccessRequest(AccessRequestId id, DatasetId datasetId, Siren producer, Siren organisation,
                         Requester requester, String purpose, WishedPeriod period, String legalBasis,
                         Instant submittedAt, LocalDate deadline, AccessRequestState state, Instant acknowledgedAt,
                         Instant answeredAt, String refusalReason, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
        this.producer = producer;
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.requester = Objects.requireNonNull(requester, "requester");
        this.purpose = Rules.required(purpose, "purpose", "L'objet de la demande (purpose) est obligatoire.");
        Rules.maxLength(this.purpose, PURPOSE_MAX, "purpose", "L'objet de la demande (purpose)");
        this.period = Objects.requireNonNull(period, "period");
        this.legalBasis = Rules.optional(legalBasis);
        Rules.maxLength(this.legalBasis, LEGAL_BASIS_MAX, "legalBasis", "Le fondement juridique (legalBasis)");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.state = Objects.requireNonNull(state, "state");
        this.acknowledgedAt = acknowledgedAt;
        this.answeredAt = answeredAt;
        this.refusalReason = refusalReason;
        this.version = version;
    }

    /**
     * A new request, received {@code now}: its deadline runs from today's legal date.
     *
     * @param producer the dataset producer's SIREN when known (it answers the request), else null
     */
    public static AccessRequest submit(AccessRequestId id, DatasetId datasetId, Siren producer, Siren organisation,
                                       Requester requester, String purpose, WishedPeriod period, String legalBasis,
                                       Instant now) {
        return new AccessRequest(id, datasetId, producer, organisation, requester, purpose, period, legalBasis, now,
                AnswerDeadline.of(now), AccessRequestState.SUBMITTED, null, null, null, 0);
    }

    /** The producer side (or a coordinator) has taken the request into account. */
    public void acknowledge(Instant now) {
        requireState("accuser réception de", AccessRequestState.SUBMITTED);
        state = AccessRequestState.ACKNOWLEDGED;
        acknowledgedAt = now;
    }

    public void grant(Instant now) {
        requireOpen("accorder");
        state = AccessRequestState.GRANTED;
        answeredAt = now;
    }

    /** An explicit refusal must say why (the requester may contest it before the CADA). */
    public void refuse(String reason, Instant now) {
        String why = Rules.required(reason, "reason", "Le motif du refus (reason) est obligatoire.");
        Rules.maxLength(why, REASON_MAX, "reason", "Le motif du refus (reason)");
        requireOpen("refuser");
        state = AccessRequestState.REFUSED;
        answeredAt = now;
        refusalReason = why;
    }

    public void withdraw(Instant now) {
        requireOpen("retirer");
        state = AccessRequestState.WITHDRAWN;
        answeredAt = now;
    }

    /** Silence past the deadline is a refusal; only an open, overdue request can be marked so. */
    public void refuseImplicitly(Instant now) {
        requireOpen("constater le refus implicite de");
        if (!isOverdue(now)) {
            throw new RuleViolation.StateConflict("demande-acces.delai-non-echu",
                    "Le délai de réponse court jusqu'au " + deadline + " : pas de refus implicite avant.");
        }
        state = AccessRequestState.IMPLICITLY_REFUSED;
        answeredAt = now;
    }

    /**
     * Erases the requester's personal data (name, e-mail, identity) once the request has been closed for the
     * {@code retention} period: what was asked, by which organisation, and how it was answered remain.
     */
    public void eraseRequester(Instant now, Duration retention) {
        if (requester.isErased()) {
            throw new RuleViolation.StateConflict("demande-acces.demandeur-deja-efface",
                    "Les données personnelles du demandeur ont déjà été effacées le " + requester.erasedAt() + ".");
        }
        if (!state.isFinal()) {
            throw new RuleViolation.StateConflict("demande-acces.demande-ouverte",
                    "Les données du demandeur sont conservées tant que la demande est ouverte.");
        }
        if (!isRequesterRetentionOver(now, retention)) {
            throw new RuleViolation.StateConflict("demande-acces.conservation-en-cours",
                    "Les données du demandeur sont conservées jusqu'au " + answeredAt.plus(retention) + ".");
        }
        requester = Requester.erased(now);
    }

    /** Closed for at least {@code retention} and the requester's data still kept. */
    public boolean isRequesterRetentionOver(Instant now, Duration retention) {
        return state.isFinal() && answeredAt != null && !answeredAt.plus(retention).isAfter(now);
    }

    /** No answer and the deadline is past (an answered request is never overdue). */
    public boolean isOverdue(Instant now) {
        return state.isOpen() && AnswerDeadline.isPast(deadline, now);
    }

    /** Days left to answer (negative once overdue); meaningful while the request is open. */
    public long daysLeft(Instant now) {
        return AnswerDeadline.daysLeft(deadline, now);
    }

    private void requireOpen(String action) {
        if (state.isFinal()) {
            throw new RuleViolation.StateConflict("demande-acces.etat-final",
                    "Impossible de " + action + " cette demande : elle est déjà " + state.label() + ".");
        }
    }

    private void requireState(String action, AccessRequestState expected) {
        if (state != expected) {
            throw new RuleViolation.StateConflict("demande-acces.transition-interdite",
                    "Impossible d'" + action + " cette demande : elle est " + state.label() + ".");
        }
    }

    public AccessRequestId id() {
        return id;
    }

    public DatasetId datasetId() {
        return datasetId;
    }

    /** SIREN of the dataset's producer at submission, who answers; null when the catalogue did not know it. */
    public Siren producer() {
        return producer;
    }

    public Siren organisation() {
        return organisation;
    }

    public Requester requester() {
        return requester;
    }

    public String purpose() {
        return purpose;
    }

    public WishedPeriod period() {
        return period;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public AccessRequestState state() {
        return state;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public long version() {
        return version;
    }
}
