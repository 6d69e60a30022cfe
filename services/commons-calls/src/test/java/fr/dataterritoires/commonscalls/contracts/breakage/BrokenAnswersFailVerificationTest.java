package fr.dataterritoires.commonscalls.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import fr.dataterritoires.commonscalls.contracts.verification.PortalPactVerificationTest;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * An incompatible change of commons-calls' answers to the portal makes the provider verification fail
 * (docs/adr/0015-contract-tests.md): the verification of {@link PortalPactVerificationTest} runs (JUnit's test kit)
 * against the real service, its JSON answers changed the way a careless edit of the API's responses would — a field
 * the portal reads renamed, an amount written as a JSON number, an unknown enumeration value — and fails exactly on
 * the interactions whose answers carry that field; a field the portal does not read may change freely.
 */
class BrokenAnswersFailVerificationTest {

    /** The interactions whose answers are applications. */
    private static final List<String> APPLICATIONS = List.of("an applicant drafts an application to an open call",
            "an applicant submits their draft application", "the signed-in applicant's applications",
            "the funder finds an application eligible");

    @Test
    void theUnchangedAnswersPass() {
        Events tests = PayloadBreakage.verify(Verification.class, UnaryOperator.identity());
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(14);
    }

    @Test
    void aRenamedFieldFails() {
        // the portal's call holds it as an int: absent, the call pages fail
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "reviewsPerApplication", "reviews"));
        assertThat(failures(tests)).containsExactlyInAnyOrder("the calls, for anyone, first page",
                "an open call's page");
    }

    @Test
    void aRenamedFieldOfAProblemFails() {
        // the rejected import's id in the refusal: the portal reads it to show the line errors
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "importId", "import"));
        assertThat(failures(tests)).containsExactly("a funder imports a file with a line naming no programme");
    }

    @Test
    void anAmountWrittenAsANumberFails() {
        // 100000.00 as a JSON number would show as 100000.0 and lose its exactness
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "requestedAmount", v -> new BigDecimal((String) v)));
        assertThat(failures(tests)).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
    }

    @Test
    void aChangedEnumerationFails() {
        // a call's and a tranche's kind written in French (a commons' kind is not pinned: the pages do not read it)
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "kind", v -> "COMMUN"));
        assertThat(failures(tests)).containsExactlyInAnyOrder("the calls, for anyone, first page",
                "an open call's page", "the funder records the grant's agreement and its tranches",
                "the funder records a tranche's payment");
    }

    @Test
    void aFieldThePortalIgnoresMayChange() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "automaticFindings", "findings"));
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(14);
    }

    /** The descriptions of the interactions that failed. */
    private static List<String> failures(Events tests) {
        return tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .map(name -> name.replaceFirst("^portal - ", "").strip()).toList();
    }

    /** Run only through the test kit (surefire skips nested classes). */
    static class Verification extends PortalPactVerificationTest {
    }
}
