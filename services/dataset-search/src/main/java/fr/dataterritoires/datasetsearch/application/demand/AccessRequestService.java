package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequest;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestId;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestState;
import fr.dataterritoires.datasetsearch.domain.demand.AnswerDeadline;
import fr.dataterritoires.datasetsearch.domain.demand.Requester;
import fr.dataterritoires.datasetsearch.domain.demand.DemandTerritories;
import fr.dataterritoires.datasetsearch.domain.demand.WishedPeriod;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.DomainRuleViolation;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.OwnershipViolationException;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.territory.Siren;

/**
 * Access requests for datasets that are not open: submission (which counts as demand for the dataset), answers by the
 * producer side or a coordinator, withdrawal by the requester, and implicit refusal once the legal month has passed.
 *
 * <p>Who sees what: the requester their own requests (by token subject), a national coordinator all of them, the
 * producer organisation (a caller whose SIREN-scoped role carries the dataset producer's SIREN) those for its
 * datasets. Anyone else gets a 404 on reading (a request's existence is not disclosed) and a 403 on acting.
 */
@Service
public class AccessRequestService {

    private static final Logger log = LoggerFactory.getLogger(AccessRequestService.class);

    /** Roles whose {@code siren} claim names the caller's organisation. */
    static final Set<Role> SIREN_ROLES = EnumSet.of(Role.APPLICANT, Role.FUNDER, Role.HOST_MANAGER, Role.AGENT);
    static final String SERVICE_ACTOR = "dataset-search";
    private static final String TARGET = "AccessRequest";

    /** Which requests a caller lists. */
    public enum View {
        /** Those the caller submitted. */
        MINE,
        /** Those for the datasets of the caller's organisation (every request for a national coordinator). */
        RECEIVED
    }

    private final AccessRequestStore requests;
    private final DatasetRepository datasets;
    private final DemandSignalsUpdater signals;
    private final AuditTrail audit;
    private final DemandClock clock;
    private final Duration requesterRetention;

    /**
     * @param requesterRetention how long a requester's personal data is kept once the request is closed (default one
     *                           year: long enough to contest an answer before the CADA and then a court)
     */
    public AccessRequestService(AccessRequestStore requests, DatasetRepository datasets, DemandSignalsUpdater signals,
                                AuditTrail audit, DemandClock clock,
                                @Value("${dataterritoires.demand.requester-retention:P365D}") Duration requesterRetention) {
        this.requests = requests;
        this.datasets = datasets;
        this.signals = signals;
        this.audit = audit;
        this.clock = clock;
        if (requesterRetention.isNegative() || requesterRetention.isZero()) {
            throw new IllegalArgumentException("dataterritoires.demand.requester-retention must be positive");
        }
        this.requesterRetention = requesterRetention;
    }

    @Transactional
    public AccessRequestDetails submit(DtPrincipal actor, SubmitAccessRequest command) {
        Instant now = clock.now();
        DatasetId datasetId = parseDatasetId(command.datasetId());
        Dataset dataset = datasets.findForUpdate(datasetId)
                .orElseThrow(() -> NotFoundException.of("jeu de données", datasetId));
        DatasetDescription description = dataset.description(now).filter(d -> dataset.isPublished())
                .orElseThrow(() -> new DomainRuleViolation("demande-acces.jeu-retire",
                        "Le jeu de données (datasetId) " + datasetId + " a été retiré du catalogue : il ne peut plus être demandé."));
        if (description.accessLevel() == AccessLevel.OPEN) {
            throw new DomainRuleViolation("demande-acces.jeu-ouvert", "Le jeu de données (datasetId) « "
                    + description.title() + " » est ouvert : il se télécharge librement, sans demande d'accès.");
        }
        Siren organisation = requestingOrganisation(actor, command.organisationSiren());
        Siren producer = description.producer() == null || description.producer().siren() == null ? null
                : new Siren(description.producer().siren());
        AccessRequest request = AccessRequest.submit(AccessRequestId.random(), datasetId,
                producer, organisation, new Requester(actor.subject(), command.requesterName(), command.requesterEmail()),
                command.purpose(), new WishedPeriod(command.wishedStart(), command.wishedEnd()), command.legalBasis(),
                now);
        Set<TerritoryRef> covered = description.coverage().territories();
        requests.insert(request, covered.stream().map(TerritoryRef::key).collect(Collectors.toCollection(java.util.TreeSet::new)),
                DemandTerritories.withEnclosing(covered));
        audit.record(actor.subject(), "access-request.submitted", TARGET, request.id().toString(), null, snapshot(request));
        signals.recount(datasetId, actor.subject(), now);
        return details(request, description.title(), now);
    }

    @Transactional(readOnly = true)
    public AccessRequestDetails get(DtPrincipal actor, UUID id) {
        Instant now = clock.now();
        AccessRequest request = requests.find(new AccessRequestId(id)).filter(r -> maySee(actor, r))
                .orElseThrow(() -> NotFoundException.of("demande d'accès", id));
        return details(request, titleOf(request.datasetId(), now), now);
    }

    @Transactional(readOnly = true)
    public List<AccessRequestDetails> list(DtPrincipal actor, View view, AccessRequestState state, boolean overdueOnly,
                                           int limit, int offset) {
        Instant now = clock.now();
        AccessRequestStore.Filter filter = switch (view) {
            case MINE -> new AccessRequestStore.Filter(actor.subject(), null, state,
                    overdueOnly ? AnswerDeadline.legalDate(now) : null, null);
            case RECEIVED -> {
                if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
                    yield new AccessRequestStore.Filter(null, null, state,
                            overdueOnly ? AnswerDeadline.legalDate(now) : null, null);
                }
                String siren = organisationOf(actor);
                if (siren == null) {
                    throw new OwnershipViolationException("Seuls les producteurs (rôle portant un SIREN) et la "
                            + "coordination nationale reçoivent des demandes d'accès.");
                }
                yield new AccessRequestStore.Filter(null, siren, state,
                        overdueOnly ? AnswerDeadline.legalDate(now) : null, null);
            }
        };
        List<AccessRequest> found = requests.list(filter, limit, offset);
        Map<DatasetId, String> titles = new HashMap<>();
        datasets.findAll(found.stream().map(AccessRequest::datasetId).distinct().toList())
                .forEach(d -> d.description(now).ifPresent(desc -> titles.put(d.id(), desc.title())));
        return found.stream().map(r -> details(r, titles.get(r.datasetId()), now)).toList();
    }

    @Transactional
    public AccessRequestDetails acknowledge(DtPrincipal actor, UUID id) {
        return answer(actor, id, "access-request.acknowledged", (r, now) -> r.acknowledge(now));
    }

    @Transactional
    public AccessRequestDetails grant(DtPrincipal actor, UUID id) {
        return answer(actor, id, "access-request.granted", (r, now) -> r.grant(now));
    }

    @Transactional
    public AccessRequestDetails refuse(DtPrincipal actor, UUID id, String reason) {
        return answer(actor, id, "access-request.refused", (r, now) -> r.refuse(reason, now));
    }

    /** Only the requester withdraws their own request. */
    @Transactional
    public AccessRequestDetails withdraw(DtPrincipal actor, UUID id) {
        Instant now = clock.now();
        AccessRequest request = lockVisible(actor, id);
        if (!Objects.equals(request.requester().subject(), actor.subject())) {
            throw new OwnershipViolationException("Seul le demandeur peut retirer sa demande d'accès.");
        }
        AccessRequestDetails withdrawn = change(actor.subject(), request, "access-request.withdrawn",
                r -> r.withdraw(now), now);
        // a withdrawn request is no longer demand (refused ones still are: the need was not met)
        signals.recount(request.datasetId(), actor.subject(), now);
        return withdrawn;
    }

    /**
     * Marks every open request whose deadline has passed at {@code now} as implicitly refused (audited as the
     * service), in batches; returns how many were marked.
     */
    @Transactional
    public int refuseOverdue(Instant now) {
        List<AccessRequest> overdue = requests.lockOpenPastDeadline(AnswerDeadline.legalDate(now), 500);
        for (AccessRequest request : overdue) {
            change(SERVICE_ACTOR, request, "access-request.implicitly-refused", r -> r.refuseImplicitly(now), now);
        }
        if (!overdue.isEmpty()) {
            log.info("{} access request(s) implicitly refused: no answer within the legal month", overdue.size());
        }
        return overdue.size();
    }

    /**
     * Erases the personal data of requesters whose request has been closed for the retention period (audited as the
     * service), in batches; returns how many were erased.
     */
    @Transactional
    public int eraseExpiredRequesters(Instant now) {
        List<AccessRequest> expired = requests.lockClosedAnsweredBefore(now.minus(requesterRetention), 500);
        for (AccessRequest request : expired) {
            change(SERVICE_ACTOR, request, "access-request.requester-erased",
                    r -> r.eraseRequester(now, requesterRetention), now);
        }
        if (!expired.isEmpty()) {
            log.info("Personal data of {} requester(s) erased: retention period over", expired.size());
        }
        return expired.size();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private AccessRequestDetails answer(DtPrincipal actor, UUID id, String action,
                                        BiConsumer<AccessRequest, Instant> transition) {
        Instant now = clock.now();
        AccessRequest request = lockVisible(actor, id);
        if (!mayAnswer(actor, request)) {
            throw new OwnershipViolationException("Seul le producteur du jeu de données ou la coordination nationale "
                    + "peut répondre à cette demande d'accès.");
        }
        return change(actor.subject(), request, action, r -> transition.accept(r, now), now);
    }

    private AccessRequestDetails change(String actor, AccessRequest request, String action,
                                        java.util.function.Consumer<AccessRequest> transition, Instant now) {
        Map<String, Object> before = snapshot(request);
        transition.accept(request);
        requests.update(request);
        audit.record(actor, action, TARGET, request.id().toString(), before, snapshot(request));
        return details(request, titleOf(request.datasetId(), now), now);
    }

    /** Locks the request; one the caller may not see is reported as not found, so its existence is not disclosed. */
    private AccessRequest lockVisible(DtPrincipal actor, UUID id) {
        AccessRequest request = requests.findForUpdate(new AccessRequestId(id))
                .orElseThrow(() -> NotFoundException.of("demande d'accès", id));
        if (!maySee(actor, request)) {
            throw new OwnershipViolationException("Cette demande d'accès concerne une autre organisation.");
        }
        return request;
    }

    static boolean maySee(DtPrincipal actor, AccessRequest request) {
        return Objects.equals(actor.subject(), request.requester().subject()) || mayAnswer(actor, request);
    }

    static boolean mayAnswer(DtPrincipal actor, AccessRequest request) {
        if (actor.hasRole(Role.NATIONAL_COORDINATOR)) {
            return true;
        }
        String siren = organisationOf(actor);
        return siren != null && request.producer() != null && siren.equals(request.producer().value());
    }

    /** The caller's organisation: the SIREN claim, when a role scoped by it is held. */
    static String organisationOf(DtPrincipal actor) {
        return actor.siren() != null && SIREN_ROLES.stream().anyMatch(actor::hasRole) ? actor.siren() : null;
    }

    private static Siren requestingOrganisation(DtPrincipal actor, String given) {
        String fromToken = organisationOf(actor);
        if (fromToken != null) {
            Siren own = new Siren(fromToken);
            if (given != null && !given.isBlank()) {
                Siren claimed = parseSiren(given);
                if (!claimed.equals(own)) {
                    throw new DomainRuleViolation("demande-acces.organisation-autre", "L'organisation demandeuse "
                            + "(organisationSiren) doit être la vôtre (SIREN " + own.value() + ").");
                }
            }
            return own;
        }
        if (given == null || given.isBlank()) {
            throw new DomainRuleViolation("champ-obligatoire",
                    "Le SIREN de l'organisation demandeuse (organisationSiren) est obligatoire.");
        }
        return parseSiren(given);
    }

    private static Siren parseSiren(String raw) {
        try {
            return Siren.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("demande-acces.siren-invalide",
                    "Organisation demandeuse (organisationSiren) : " + e.getMessage());
        }
    }

    private static DatasetId parseDatasetId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainRuleViolation("champ-obligatoire", "L'identifiant du jeu de données (datasetId) est obligatoire.");
        }
        try {
            return DatasetId.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("demande-acces.jeu-invalide",
                    "L'identifiant du jeu de données (datasetId) « " + raw + " » n'est pas un identifiant du catalogue.");
        }
    }

    private String titleOf(DatasetId id, Instant now) {
        return datasets.find(id).flatMap(d -> d.description(now)).map(DatasetDescription::title).orElse(null);
    }

    private static AccessRequestDetails details(AccessRequest request, String title, Instant now) {
        return new AccessRequestDetails(request, title, request.isOverdue(now),
                request.state().isOpen() ? request.daysLeft(now) : null);
    }

    /** What the audit keeps: state and dates, no personal data (name and e-mail stay in the request only). */
    private static Map<String, Object> snapshot(AccessRequest request) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("dataset", request.datasetId().toString());
        state.put("organisation", request.organisation().value());
        state.put("state", request.state().name());
        state.put("deadline", request.deadline().toString());
        if (request.refusalReason() != null) {
            state.put("refusalReason", request.refusalReason());
        }
        if (request.requester().isErased()) {
            state.put("requesterErasedAt", request.requester().erasedAt().toString());
        }
        return state;
    }

}
