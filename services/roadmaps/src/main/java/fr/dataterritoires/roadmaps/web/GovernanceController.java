package fr.dataterritoires.roadmaps.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dataterritoires.platform.errors.PlausibleDate;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.roadmaps.application.governance.GovernanceService;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.governance.BodyKind;
import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;
import fr.dataterritoires.roadmaps.domain.governance.Member;
import fr.dataterritoires.roadmaps.domain.governance.MemberRole;
import fr.dataterritoires.roadmaps.domain.governance.Membership;
import fr.dataterritoires.roadmaps.domain.governance.OrganisationType;

/**
 * The national instance and the régional committees with their members (authenticated callers read; national
 * coordinators manage). Memberships are ended, never deleted.
 */
@RestController
@RequestMapping("/api/governance")
public class GovernanceController {

    private final GovernanceService service;

    public GovernanceController(GovernanceService service) {
        this.service = service;
    }

    public record CommitteeBody(@NotBlank String regionCode, @NotBlank @Size(max = 200) String name,
                                @Size(max = 500) List<String> relevantTerritory) {
    }

    public record DescriptionBody(@NotBlank @Size(max = 200) String name, @Size(max = 500) List<String> relevantTerritory) {
    }

    public record OrganisationBody(@NotBlank String siren, @NotNull OrganisationType type,
                                   @NotBlank @Size(max = 200) String name) {
    }

    public record PersonBody(@NotBlank @Size(max = 200) String name) {
    }

    /** Either {@code organisation} or {@code person}. */
    public record MemberBody(@Valid OrganisationBody organisation, @Valid PersonBody person, @NotNull MemberRole role,
                             @NotNull @PlausibleDate LocalDate joinedOn) {
    }

    public record DepartureBody(@NotNull @PlausibleDate LocalDate leftOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MembershipResponse(UUID id, String kind, String siren, OrganisationType organisationType, String name,
                                     MemberRole role, LocalDate joinedOn, LocalDate leftOn, boolean active) {
        static MembershipResponse of(Membership m) {
            return m.member() instanceof Member.Organisation o
                    ? new MembershipResponse(m.id(), "ORGANISATION", o.siren().value(), o.type(), o.name(), m.role(),
                    m.joinedOn(), m.leftOn(), m.isActive())
                    : new MembershipResponse(m.id(), "PERSON", null, null, m.member().name(), m.role(), m.joinedOn(),
                    m.leftOn(), m.isActive());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BodyResponse(UUID id, BodyKind kind, String regionCode, String name, List<String> relevantTerritory,
                               long version, List<MembershipResponse> members) {
        static BodyResponse of(GovernanceBody b) {
            return new BodyResponse(b.id(), b.kind(), b.regionCode(), b.name(),
                    b.relevantTerritory().stream().map(TerritoryKey::key).sorted().toList(), b.version(),
                    b.memberships().stream().map(MembershipResponse::of).toList());
        }
    }

    @GetMapping("/national-instance")
    public BodyResponse nationalInstance(DtPrincipal actor) {
        return BodyResponse.of(service.nationalInstance());
    }

    @GetMapping("/committees")
    public List<BodyResponse> committees(DtPrincipal actor) {
        return service.committees().stream().map(BodyResponse::of).toList();
    }

    @PostMapping("/committees")
    public ResponseEntity<BodyResponse> createCommittee(@Valid @RequestBody CommitteeBody body, DtPrincipal actor) {
        GovernanceBody created = service.createCommittee(actor, Inputs.region(body.regionCode(), "regionCode"),
                body.name(), Inputs.territories(body.relevantTerritory(), "relevantTerritory"));
        return ResponseEntity.created(URI.create("/api/governance/bodies/" + created.id())).body(BodyResponse.of(created));
    }

    @GetMapping("/bodies/{id}")
    public BodyResponse get(@PathVariable UUID id, DtPrincipal actor) {
        return BodyResponse.of(service.get(id));
    }

    @PutMapping("/bodies/{id}")
    public BodyResponse describe(@PathVariable UUID id, @Valid @RequestBody DescriptionBody body, DtPrincipal actor) {
        return BodyResponse.of(service.describe(actor, id, body.name(),
                Inputs.territories(body.relevantTerritory(), "relevantTerritory")));
    }

    @PostMapping("/bodies/{id}/members")
    public ResponseEntity<MembershipResponse> join(@PathVariable UUID id, @Valid @RequestBody MemberBody body,
                                                   DtPrincipal actor) {
        if ((body.organisation() == null) == (body.person() == null)) {
            throw RuleViolation.invalid("organisation", "Un membre est soit une organisation (organisation), "
                    + "soit une personne (person) : l'un des deux exactement.");
        }
        Member member = body.organisation() != null
                ? new Member.Organisation(Inputs.siren(body.organisation().siren(), "organisation.siren"),
                body.organisation().type(), body.organisation().name())
                : new Member.Person(body.person().name());
        Membership m = service.join(actor, id, member, body.role(), body.joinedOn());
        return ResponseEntity.created(URI.create("/api/governance/bodies/" + id)).body(MembershipResponse.of(m));
    }

    @PostMapping("/bodies/{id}/members/{membershipId}/departure")
    public MembershipResponse leave(@PathVariable UUID id, @PathVariable UUID membershipId,
                                    @Valid @RequestBody DepartureBody body, DtPrincipal actor) {
        return MembershipResponse.of(service.leave(actor, id, membershipId, body.leftOn()));
    }
}
