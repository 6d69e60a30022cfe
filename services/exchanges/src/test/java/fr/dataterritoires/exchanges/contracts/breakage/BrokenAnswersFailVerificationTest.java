package fr.dataterritoires.exchanges.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import fr.dataterritoires.exchanges.contracts.verification.PortalPactVerificationTest;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * An incompatible change of exchanges' answers to the portal makes the provider verification fail
 * (docs/adr/0015-contract-tests.md): the verification of {@link PortalPactVerificationTest} runs (JUnit's test kit)
 * against the real service, its JSON answers changed the way a careless edit of the API's views would — a field the
 * portal reads renamed, retyped, or given an unknown enumeration value — and fails exactly on the interactions whose
 * answers carry that field; a field the portal does not read may change freely.
 */
class BrokenAnswersFailVerificationTest {

    @Test
    void theUnchangedAnswersPass() {
        Events tests = PayloadBreakage.verify(Verification.class, UnaryOperator.identity());
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(8);
    }

    @Test
    void aRenamedFieldFails() {
        // the places taken, which the portal's record holds as an int: absent, the offer pages fail
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "placesTaken", "occupiedPlaces"));
        assertThat(failures(tests)).containsExactlyInAnyOrder("the published offers of a région, for anyone",
                "a published offer's page");
    }

    @Test
    void aRetypedFieldFails() {
        // a training's hours as a formatted string rather than a number
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "hours", v -> v + " h"));
        assertThat(failures(tests)).containsExactly("the trainings, for anyone");
    }

    @Test
    void aChangedEnumerationFails() {
        // statuses written in French: offers, applications and enrolments
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "status", v -> "PUBLIEE"));
        assertThat(failures(tests)).containsExactlyInAnyOrder("the published offers of a région, for anyone",
                "a published offer's page", "a territorial agent applies to an offer",
                "the signed-in agent's applications", "a territorial agent enrols in a training");
    }

    @Test
    void aFieldThePortalIgnoresMayChange() {
        // the pages name the host, not its SIREN
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "hostSiren", "siren"));
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(8);
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
