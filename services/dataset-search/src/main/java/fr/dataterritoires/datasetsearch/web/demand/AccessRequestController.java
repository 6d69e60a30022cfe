package fr.dataterritoires.datasetsearch.web.demand;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.datasetsearch.application.demand.AccessRequestService;
import fr.dataterritoires.datasetsearch.application.demand.SubmitAccessRequest;
import fr.dataterritoires.datasetsearch.domain.demand.AccessRequestState;
import fr.dataterritoires.platform.security.DtPrincipal;

/**
 * Access requests for datasets that are not open. The requester submits and may withdraw; the producer organisation
 * or a national coordinator acknowledges, grants or refuses (with a reason). Unanswered for a month, a request is
 * refused implicitly.
 */
@RestController
@RequestMapping("/api/access-requests")
public class AccessRequestController {

    private final AccessRequestService service;

    public AccessRequestController(AccessRequestService service) {
        this.service = service;
    }

    @PostMapping
    public ResponseEntity<AccessRequestResponse> submit(@Valid @RequestBody AccessRequestBody body, DtPrincipal actor) {
        AccessRequestResponse created = AccessRequestResponse.of(service.submit(actor, new SubmitAccessRequest(
                body.datasetId(), body.organisationSiren(), body.requesterName(), body.requesterEmail(),
                body.purpose(), body.wishedStart(), body.wishedEnd(), body.legalBasis())));
        return ResponseEntity.created(URI.create("/api/access-requests/" + created.id())).body(created);
    }

    /**
     * @param view    {@code MINE} (submitted by the caller, the default) or {@code RECEIVED} (for the caller's
     *                organisation's datasets; all of them for a national coordinator)
     * @param overdue only open requests past their deadline
     */
    @GetMapping
    public List<AccessRequestResponse> list(DtPrincipal actor,
                                            @RequestParam(defaultValue = "MINE") AccessRequestService.View view,
                                            @RequestParam(required = false) AccessRequestState state,
                                            @RequestParam(defaultValue = "false") boolean overdue,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        return service.list(actor, view, state, overdue, limit, offset).stream().map(AccessRequestResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    public AccessRequestResponse get(@PathVariable UUID id, DtPrincipal actor) {
        return AccessRequestResponse.of(service.get(actor, id));
    }

    @PostMapping("/{id}/acknowledgement")
    public AccessRequestResponse acknowledge(@PathVariable UUID id, DtPrincipal actor) {
        return AccessRequestResponse.of(service.acknowledge(actor, id));
    }

    @PostMapping("/{id}/grant")
    public AccessRequestResponse grant(@PathVariable UUID id, DtPrincipal actor) {
        return AccessRequestResponse.of(service.grant(actor, id));
    }

    @PostMapping("/{id}/refusal")
    public AccessRequestResponse refuse(@PathVariable UUID id, @Valid @RequestBody RefusalBody body,
                                        DtPrincipal actor) {
        return AccessRequestResponse.of(service.refuse(actor, id, body.reason()));
    }

    @PostMapping("/{id}/withdrawal")
    public AccessRequestResponse withdraw(@PathVariable UUID id, DtPrincipal actor) {
        return AccessRequestResponse.of(service.withdraw(actor, id));
    }
}
