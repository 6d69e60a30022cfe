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
        assertThatThrownBy(() -> Ownership.requireSiren(noScope, "130005481")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Ownership.requireSiren(noScope, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Ownership.requireRegion(noScope, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sirenMinistrySubjectAndRoles() {
        DtPrincipal funder = actor(Role.FUNDER, null, null, "130005481");
        assertThatCode(() -> Ownership.requireSiren(funder, "130005481")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Ownership.requireSiren(funder, "213800006")).isInstanceOf(OwnershipViolationException.class);
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
}
