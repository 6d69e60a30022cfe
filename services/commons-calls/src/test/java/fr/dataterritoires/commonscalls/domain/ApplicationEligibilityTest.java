package fr.dataterritoires.commonscalls.domain;

import static fr.dataterritoires.commonscalls.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

/** The automatic eligibility rules of a call, and the manual decision that follows them. */
class ApplicationEligibilityTest {

    @Test
    void anApplicationMeetingEveryRuleHasNoFinding() {
        Call call = Fixtures.openCall(Fixtures.terms(Set.of(ApplicantType.LOCAL_AUTHORITY,
                ApplicantType.MUTUALISATION_STRUCTURE), 2, List.of("84"), List.of("charte-ethique")));
        Application a = Application.draft(call, "lead", Fixtures.proposal("80000.00", CommonsKind.SOFTWARE,
                List.of("38", "38185"), List.of("charte-ethique"), new ConsortiumMember(Fixtures.MEMBER,
                        "Syndicat", ApplicantType.MUTUALISATION_STRUCTURE, ConsortiumMember.Role.MEMBER)), NOW);
        a.submit(call, NOW);
        assertThat(a.automaticFindings()).isEmpty();
        a.decideEligibility(true, "Conforme.");
        assertThat(a.status()).isEqualTo(ApplicationStatus.ELIGIBLE);
    }

    @Test
    void eachBrokenRuleIsAFindingAndForbidsEligibility() {
        Call call = Fixtures.openCall(Fixtures.terms(Set.of(ApplicantType.MUTUALISATION_STRUCTURE), 2, List.of("11"),
                List.of("charte-ethique")));
        // a local authority alone (type, size), an algorithm, in Isère (outside Île-de-France), no declaration,
        // 90 000 asked for a 100 000 budget at 80 % (cap 80 000)
        Application a = Application.draft(call, "lead", Fixtures.proposal("90000.00", CommonsKind.ALGORITHM,
                List.of("38185"), List.of()), NOW);
        a.submit(call, NOW);
        assertThat(a.automaticFindings()).hasSize(6).anySatisfy(f -> assertThat(f).contains("LOCAL_AUTHORITY"))
                .anySatisfy(f -> assertThat(f).contains("au moins 2"))
                .anySatisfy(f -> assertThat(f).contains("ALGORITHM"))
                .anySatisfy(f -> assertThat(f).contains("38185"))
                .anySatisfy(f -> assertThat(f).contains("charte-ethique"))
                .anySatisfy(f -> assertThat(f).contains("cofinancement"));
        assertThatThrownBy(() -> a.decideEligibility(true, "Passons")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> a.decideEligibility(false, " ")).isInstanceOf(RuleViolation.class);
        a.decideEligibility(false, "Hors périmètre.");
        assertThat(a.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThatThrownBy(() -> a.award("x")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aClosedCallOrOnePastItsClosingTimeRefusesSubmissions() {
        Call call = Fixtures.openCall(Fixtures.terms(Set.of(ApplicantType.LOCAL_AUTHORITY), 1, List.of(), List.of()));
        Application late = Application.draft(call, "lead", Fixtures.proposal("50000.00", CommonsKind.SOFTWARE,
                List.of(), List.of()), NOW);
        assertThatThrownBy(() -> late.submit(call, call.terms().closesAt())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("clos");
        call.close();
        assertThatThrownBy(() -> late.submit(call, NOW)).isInstanceOf(RuleViolation.class);
        assertThat(late.status()).isEqualTo(ApplicationStatus.DRAFT);
    }

    @Test
    void anEvaluatorFromTheConsortiumIsExcluded() {
        Proposal p = Fixtures.proposal("50000.00", CommonsKind.SOFTWARE, List.of(), List.of(),
                new ConsortiumMember(Fixtures.MEMBER, "Syndicat", ApplicantType.MUTUALISATION_STRUCTURE,
                        ConsortiumMember.Role.MEMBER));
        assertThatThrownBy(() -> Conflicts.requireIndependent(p, Fixtures.MEMBER)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("Conflit d'intérêts");
        assertThatThrownBy(() -> Conflicts.requireIndependent(p, Fixtures.LEAD)).isInstanceOf(RuleViolation.class);
        Conflicts.requireIndependent(p, fr.dataterritoires.territory.Siren.withCheckDigit("13000548"));
    }
}
