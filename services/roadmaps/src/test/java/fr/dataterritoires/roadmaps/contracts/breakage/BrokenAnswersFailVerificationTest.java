package fr.dataterritoires.roadmaps.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import fr.dataterritoires.roadmaps.contracts.verification.PortalPactVerificationTest;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * An incompatible change of roadmaps' answers to the portal makes the provider verification fail
 * (docs/adr/0015-contract-tests.md): the verification of {@link PortalPactVerificationTest} runs (JUnit's test kit)
 * against the real service, its JSON answers changed the way a careless edit of {@code RoadmapResponse} would — a
 * field the portal reads renamed, retyped, or given an unknown enumeration value — and fails exactly on the
 * interactions whose answers carry that field; a field the portal does not read may change freely.
 */
class BrokenAnswersFailVerificationTest {

    /** The interactions whose answers carry the roadmap's items. */
    private static final List<String> WITH_ITEMS = List.of(
            "a committee member opens their draft roadmap",
            "a committee member adds a financial line to their draft roadmap",
            "a committee member records an item's progress",
            "a coordinator arbitrates a roadmap under review");

    @Test
    void theUnchangedAnswersPass() {
        Events tests = PayloadBreakage.verify(Verification.class, UnaryOperator.identity());
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(11);
    }

    @Test
    void aRenamedFieldFails() {
        // an item's entered progress, which the tracking form shows
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "ownProgress", "enteredProgress"));
        assertThat(failures(tests)).containsExactlyInAnyOrderElementsOf(WITH_ITEMS);
    }

    @Test
    void aRenamedFieldTheImportReadsLenientlyFails() {
        // the portal reads the import's report with defaults (path(...)): renamed, the refused lines would vanish
        // from the page without an error; the pact fails instead
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "invalidLines", "refusedLines"));
        assertThat(failures(tests)).containsExactlyInAnyOrder(
                "a committee member checks a file of items before importing it",
                "a committee member imports a file of items");
    }

    @Test
    void aRetypedFieldFails() {
        // the granted total as a formatted string rather than a number
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "totalGranted", v -> String.valueOf(v)));
        assertThat(failures(tests)).containsExactly("a coordinator arbitrates a roadmap under review");
    }

    @Test
    void aChangedEnumerationFails() {
        // a financial line's source written in French
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "source", v -> "ETAT"));
        assertThat(failures(tests)).containsExactlyInAnyOrderElementsOf(WITH_ITEMS);
    }

    @Test
    void aFieldThePortalIgnoresMayChange() {
        // the portal names the committee by its région: the committee's id may go
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "committeeId", "comite"));
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(11);
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
