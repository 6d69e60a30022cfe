package fr.dataterritoires.roadmaps.domain.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.domain.TerritoryKey;
import fr.dataterritoires.territory.Siren;

/** Committees: their région, their sub-territory, their members over time. */
class GovernanceBodyTest {

    @Test
    void aCommitteeHasACurrentRegionAndASubTerritoryInsideIt() {
        assertThatThrownBy(() -> GovernanceBody.newCommittee("99", "Comité", Set.of())).extracting("field")
                .isEqualTo("regionCode");
        assertThatThrownBy(() -> GovernanceBody.newCommittee("84", "Comité",
                Set.of(TerritoryKey.parse("departement:13", "t")))).extracting("field").isEqualTo("relevantTerritory");
        GovernanceBody committee = GovernanceBody.newCommittee("84", "Comité",
                Set.of(TerritoryKey.parse("departement:69", "t"), TerritoryKey.parse("commune:38185", "t")));
        assertThat(committee.relevantTerritory()).hasSize(2);
    }

    @Test
    void membershipsEndButStay() {
        GovernanceBody committee = GovernanceBody.newCommittee("84", "Comité", Set.of());
        Member region = new Member.Organisation(Siren.parse("200053767"), OrganisationType.LOCAL_AUTHORITY, "Région");
        Membership chair = committee.join(region, MemberRole.CHAIR, LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> committee.join(new Member.Person("Camille"), MemberRole.CHAIR, LocalDate.of(2026, 2, 1)))
                .isInstanceOf(RuleViolation.StateConflict.class);
        assertThatThrownBy(() -> committee.join(region, MemberRole.CHAIR, LocalDate.of(2026, 2, 1)))
                .isInstanceOf(RuleViolation.StateConflict.class);
        committee.join(region, MemberRole.MEMBER, LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> committee.leave(chair.id(), LocalDate.of(2025, 12, 1))).extracting("field")
                .isEqualTo("leftOn");
        committee.leave(chair.id(), LocalDate.of(2026, 6, 30));
        assertThat(chair.isActiveOn(LocalDate.of(2026, 6, 29))).isTrue();
        assertThat(chair.isActiveOn(LocalDate.of(2026, 6, 30))).isFalse();
        assertThatThrownBy(() -> committee.leave(chair.id(), LocalDate.of(2026, 7, 1)))
                .isInstanceOf(RuleViolation.StateConflict.class);
        committee.join(new Member.Person("Camille"), MemberRole.CHAIR, LocalDate.of(2026, 7, 1));
        assertThat(committee.memberships()).hasSize(3);
    }
}
