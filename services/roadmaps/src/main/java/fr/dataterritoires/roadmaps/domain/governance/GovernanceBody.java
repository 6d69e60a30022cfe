package fr.dataterritoires.roadmaps.domain.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;

/**
 * The national instance or a région's territorial data committee, with its members. A committee has the INSEE code
 * of its région and may name a relevant sub-territory (any territories inside the région). Memberships are never
 * deleted: a member leaves on a date, and the history stays.
 */
public final class GovernanceBody {

    public static final int NAME_MAX = 200;

    private final UUID id;
    private final BodyKind kind;
    private final String regionCode;
    private String name;
    private Set<TerritoryKey> relevantTerritory;
    private final List<Membership> memberships;
    private final long version;

    public GovernanceBody(UUID id, BodyKind kind, String regionCode, String name, Set<TerritoryKey> relevantTerritory,
                          List<Membership> memberships, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Checks.notNull(kind, "kind");
        if (kind == BodyKind.REGIONAL_COMMITTEE) {
            TerritoryKey region;
            try {
                region = TerritoryKey.region(Checks.notNull(regionCode, "regionCode"));
            } catch (IllegalArgumentException e) {
                throw RuleViolation.invalid("regionCode", "Région (regionCode) : " + e.getMessage());
            }
            this.regionCode = region.code();
        } else {
            if (regionCode != null) {
                throw RuleViolation.invalid("regionCode", "L'instance nationale n'a pas de région.");
            }
            this.regionCode = null;
        }
        this.name = Checks.required(name, "name", NAME_MAX);
        this.relevantTerritory = checkedTerritory(relevantTerritory);
        this.memberships = new ArrayList<>(memberships == null ? List.of() : memberships);
        this.version = version;
    }

    public static GovernanceBody newCommittee(String regionCode, String name, Set<TerritoryKey> relevantTerritory) {
        return new GovernanceBody(UUID.randomUUID(), BodyKind.REGIONAL_COMMITTEE, regionCode, name, relevantTerritory,
                List.of(), 0);
    }

    private Set<TerritoryKey> checkedTerritory(Set<TerritoryKey> keys) {
        Set<TerritoryKey> copy = keys == null ? Set.of() : Set.copyOf(keys);
        if (!copy.isEmpty() && kind == BodyKind.NATIONAL_INSTANCE) {
            throw RuleViolation.invalid("relevantTerritory", "L'instance nationale couvre tout le territoire.");
        }
        TerritoryKey.requireWithinRegion(copy, regionCode, "relevantTerritory");
        return copy;
    }

    public void describe(String newName, Set<TerritoryKey> newTerritory) {
        this.name = Checks.required(newName, "name", NAME_MAX);
        this.relevantTerritory = checkedTerritory(newTerritory);
    }

    /** Adds a seat; the same member cannot hold the same role twice at once. */
    public Membership join(Member member, MemberRole role, LocalDate joinedOn) {
        Membership membership = new Membership(UUID.randomUUID(), member, role, joinedOn, null);
        boolean duplicate = memberships.stream().anyMatch(m -> m.isActive() && m.role() == role
                && m.member().key().equals(member.key()));
        if (duplicate) {
            throw new RuleViolation.StateConflict("membre.deja-present",
                    "« " + member.name() + " » siège déjà dans cette instance avec le rôle " + role + ".");
        }
        if (role == MemberRole.CHAIR && memberships.stream().anyMatch(m -> m.isActive() && m.role() == MemberRole.CHAIR)) {
            throw new RuleViolation.StateConflict("membre.presidence-occupee",
                    "L'instance a déjà une présidence active : terminez-la avant d'en désigner une autre.");
        }
        memberships.add(membership);
        return membership;
    }

    public Membership leave(UUID membershipId, LocalDate leftOn) {
        Membership membership = memberships.stream().filter(m -> m.id().equals(membershipId)).findFirst()
                .orElseThrow(() -> new RuleViolation("membre.inconnu", "membershipId",
                        "Le membre " + membershipId + " n'appartient pas à cette instance."));
        membership.end(leftOn);
        return membership;
    }

    public UUID id() {
        return id;
    }

    public BodyKind kind() {
        return kind;
    }

    /** INSEE région code, null for the national instance. */
    public String regionCode() {
        return regionCode;
    }

    public String name() {
        return name;
    }

    public Set<TerritoryKey> relevantTerritory() {
        return relevantTerritory;
    }

    public List<Membership> memberships() {
        return Collections.unmodifiableList(memberships);
    }

    public long version() {
        return version;
    }
}
