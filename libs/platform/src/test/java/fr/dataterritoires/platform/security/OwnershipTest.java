package fr.dataterritoires.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class OwnershipTest {

    private static DtPrincipal actor(Role role, String region, String ministry, String siren) {
        return new DtPrincipal("sub-" + role, "Nom", Set.of(role), region, ministry, siren);
    }

    @Test
    void regionMatchesOwnRegionAndCoordinatorPassesEveryRegion() {
        DtPrincipal member = actor(Role.COMMITTEE_MEMBER, "84", null, null);
        assertThatCode(() -> Ownership.requireRegion(member, "84")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireRegion(member, "11"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("région");
        assertThatCode(() -> Ownership.requireRegion(actor(Role.NATIONAL_COORDINATOR, null, null, null), "11"))
                .doesNotThrowAnyException();
    }

    @Test
    void missingScopeIsRefusedNotGranted() {
        DtPrincipal noScope = actor(Role.FUNDER, null, null, null);
        assertThatThrownBy(() -> Ownership.requireSiren(noScope, Role.FUNDER, "130005481")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Ownership.requireSiren(noScope, Role.FUNDER, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Ownership.requireRegion(noScope, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sirenMinistrySubjectAndRoles() {
        DtPrincipal funder = actor(Role.FUNDER, null, null, "130005481");
        assertThatCode(() -> Ownership.requireSiren(funder, Role.FUNDER, "130005481")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireSiren(funder, Role.FUNDER, "213800006")).isInstanceOf(OwnershipViolationException.class);
        DtPrincipal officer = actor(Role.MINISTRY_OFFICER, null, "MTECT", null);
        assertThatCode(() -> Ownership.requireMinistry(officer, "MTECT")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireMinistry(officer, "MENJ")).isInstanceOf(AccessDeniedException.class);
        // The coordinator bypass is for regions only.
        assertThatThrownBy(() -> Ownership.requireMinistry(actor(Role.NATIONAL_COORDINATOR, null, null, null), "MENJ"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> Ownership.requireSubject(funder, "sub-FUNDER")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireSubject(funder, "someone-else")).isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> Ownership.requireAnyRole(funder, Role.FUNDER, Role.EVALUATOR)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireAnyRole(funder, Role.EVALUATOR)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sirenCountsOnlyForTheRoleItBelongsTo() {
        // An agent employed by the applicant's organisation carries the same SIREN, not the role.
        DtPrincipal agent = actor(Role.AGENT, null, null, "213800006");
        assertThatThrownBy(() -> Ownership.requireSiren(agent, Role.APPLICANT, "213800006"))
                .isInstanceOf(OwnershipViolationException.class).hasMessageContaining("organisation");
        assertThatCode(() -> Ownership.requireSiren(agent, Role.AGENT, "213800006")).doesNotThrowAnyException();
        DtPrincipal applicant = actor(Role.APPLICANT, null, null, "213800006");
        assertThatCode(() -> Ownership.requireSiren(applicant, Role.APPLICANT, "213800006"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireSiren(applicant, Role.FUNDER, "213800006"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Ownership.requireSiren(applicant, Role.HOST_MANAGER, "213800006"))
                .isInstanceOf(AccessDeniedException.class);
        // A role without SIREN scope is a programming error, not a refusal.
        assertThatThrownBy(() -> Ownership.requireSiren(applicant, Role.EVALUATOR, "213800006"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regionCountsForCommitteeMembersOnlyAndMinistryForMinistryOfficersOnly() {
        // Some other role's token with a region or ministry claim does not act for it.
        assertThatThrownBy(() -> Ownership.requireRegion(actor(Role.FUNDER, "84", null, "130005481"), "84"))
                .isInstanceOf(OwnershipViolationException.class);
        assertThatThrownBy(() -> Ownership.requireRegion(actor(Role.EVALUATOR, "84", null, null), "84"))
                .isInstanceOf(OwnershipViolationException.class);
        assertThatThrownBy(() -> Ownership.requireMinistry(actor(Role.COMMITTEE_MEMBER, "84", "MTECT", null), "MTECT"))
                .isInstanceOf(OwnershipViolationException.class);
        DtPrincipal both = new DtPrincipal("sub", "Nom", Set.of(Role.COMMITTEE_MEMBER, Role.MINISTRY_OFFICER), "84",
                "MTECT", null);
        assertThatCode(() -> Ownership.requireRegion(both, "84")).doesNotThrowAnyException();
        assertThatCode(() -> Ownership.requireMinistry(both, "MTECT")).doesNotThrowAnyException();
    }
}
