package fr.dataterritoires.datasetsearch.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import fr.dataterritoires.datasetsearch.contracts.verification.PortalPactVerificationTest;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * The acceptance of issue 8 for the REST API the portal reads: an incompatible change of dataset-search's answers
 * makes the provider verification fail. The verification of {@link PortalPactVerificationTest} runs (JUnit's test
 * kit) against the real service, its JSON answers changed the way a careless edit of a response type would — a field
 * the portal reads renamed, retyped, or given an unknown enumeration value — and fails exactly on the interactions
 * whose answers carry that field; a field the portal does not read may change freely.
 */
class BrokenAnswersFailVerificationTest {

    @Test
    void theUnchangedAnswersPass() {
        Events tests = PayloadBreakage.verify(Verification.class, UnaryOperator.identity());
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(13);
    }

    @Test
    void aRenamedFieldFails() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "datasetTitle", "dataset"));
        assertThat(failures(tests)).containsExactlyInAnyOrder(
                "an access request for the restricted dataset, by the signed-in user",
                "the signed-in user's own access requests");
    }

    @Test
    void aRetypedFieldFails() {
        // the score as a formatted string rather than a number
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "qualityScore", v -> String.valueOf(v)));
        assertThat(failures(tests)).containsExactly("a search for words, first page");
    }

    @Test
    void aChangedEnumerationFails() {
        // levels written in French: the dataset's access and the suggested territories' levels
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "level", v -> "ouvert"));
        assertThat(failures(tests)).containsExactlyInAnyOrder("the open dataset's page",
                "territory suggestions for a name being typed");
    }

    @Test
    void aFieldRenamedWithoutItsJsonNameFails() {
        // a run's counts.new is a Java field named created: renamed without its @JsonProperty, the pages lose it
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "new", "created"));
        assertThat(failures(tests)).containsExactlyInAnyOrder("a source's latest harvest runs", "a harvest run",
                "a coordinator starts a harvest of a source");
    }

    @Test
    void aFieldThePortalIgnoresMayChange() {
        // the portal builds its own links: dataset-search's may go
        Events tests = PayloadBreakage.verify(Verification.class, data -> PayloadBreakage.rename(data, "links",
                "liens"));
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(13);
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
