package fr.dataterritoires.roadmaps.application.governance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.platform.audit.AuditTrail;
import fr.dataterritoires.platform.errors.ConflictException;
import fr.dataterritoires.platform.errors.NotFoundException;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Ownership;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.roadmaps.domain.governance.GovernanceBody;
import fr.dataterritoires.roadmaps.domain.governance.Member;
import fr.dataterritoires.roadmaps.domain.governance.MemberRole;
import fr.dataterritoires.roadmaps.domain.governance.Membership;

/**
 * The national instance and the régional committees: only national coordinators create committees and manage
 * memberships; any authenticated caller reads them. Every change is audited.
 */
@Service
public class GovernanceService {

    static final String TARGET = "GovernanceBody";

    private final GovernanceBodies bodies;
    private final AuditTrail audit;

    public GovernanceService(GovernanceBodies bodies, AuditTrail audit) {
        this.bodies = bodies;
        this.audit = audit;
    }

    @Transactional
    public GovernanceBody createCommittee(DtPrincipal actor, String regionCode, String name, Set<TerritoryKey> territory) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        GovernanceBody committee = GovernanceBody.newCommittee(regionCode, name, territory);
        if (bodies.committeeOf(committee.regionCode()).isPresent()) {
            throw new ConflictException("La région " + committee.regionCode() + " a déjà son comité territorial de la donnée.");
        }
        bodies.insert(committee);
        audit.record(actor.subject(), "governance.committee-created", TARGET, committee.id().toString(), null,
                snapshot(committee));
        return bodies.find(committee.id()).orElseThrow();
    }

    @Transactional
    public GovernanceBody describe(DtPrincipal actor, UUID id, String name, Set<TerritoryKey> territory) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        GovernanceBody body = lock(id);
        Map<String, Object> before = snapshot(body);
        body.describe(name, territory);
        bodies.update(body);
        audit.record(actor.subject(), "governance.described", TARGET, id.toString(), before, snapshot(body));
        return bodies.find(id).orElseThrow();
    }

    @Transactional
    public Membership join(DtPrincipal actor, UUID id, Member member, MemberRole role, LocalDate joinedOn) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        GovernanceBody body = lock(id);
        Membership membership = body.join(member, role, joinedOn);
        bodies.update(body);
        audit.record(actor.subject(), "governance.member-joined", TARGET, id.toString(), null, snapshot(membership));
        return membership;
    }

    @Transactional
    public Membership leave(DtPrincipal actor, UUID id, UUID membershipId, LocalDate leftOn) {
        Ownership.requireAnyRole(actor, Role.NATIONAL_COORDINATOR);
        GovernanceBody body = lock(id);
        Membership membership = body.leave(membershipId, leftOn);
        bodies.update(body);
        audit.record(actor.subject(), "governance.member-left", TARGET, id.toString(), null, snapshot(membership));
        return membership;
    }

    @Transactional(readOnly = true)
    public GovernanceBody get(UUID id) {
        return bodies.find(id).orElseThrow(() -> NotFoundException.of("instance de gouvernance", id));
    }

    @Transactional(readOnly = true)
    public GovernanceBody nationalInstance() {
        return bodies.nationalInstance();
    }

    @Transactional(readOnly = true)
    public List<GovernanceBody> committees() {
        return bodies.committees();
    }

    private GovernanceBody lock(UUID id) {
        return bodies.findForUpdate(id).orElseThrow(() -> NotFoundException.of("instance de gouvernance", id));
    }

    private static Map<String, Object> snapshot(GovernanceBody body) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", body.kind().name());
        state.put("regionCode", body.regionCode() == null ? "" : body.regionCode());
        state.put("name", body.name());
        state.put("relevantTerritory", body.relevantTerritory().stream().map(TerritoryKey::key).sorted().toList());
        return state;
    }

    /** The audit keeps the seat, not the person: a person member is recorded without their name. */
    private static Map<String, Object> snapshot(Membership m) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("membership", m.id().toString());
        state.put("member", m.member() instanceof Member.Organisation o ? "siren:" + o.siren().value() : "personne");
        state.put("role", m.role().name());
        state.put("joinedOn", m.joinedOn().toString());
        state.put("leftOn", m.leftOn() == null ? "" : m.leftOn().toString());
        return state;
    }
}
