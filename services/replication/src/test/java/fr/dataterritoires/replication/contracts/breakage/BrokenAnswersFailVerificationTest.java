package fr.dataterritoires.replication.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import fr.dataterritoires.replication.contracts.verification.PortalPactVerificationTest;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * An incompatible change of replication's answers to the portal makes the provider verification fail
 * (docs/adr/0015-contract-tests.md): the verification of {@link PortalPactVerificationTest} runs (JUnit's test kit)
 * against the real service, its JSON answers changed the way a careless edit of {@code web.Views} (maps, whose keys
 * no compiler checks) would — a key the portal reads renamed, a number written as a string, an unknown enumeration
 * value — and fails exactly on the interactions whose answers carry it; a key the portal does not read may change.
 */
class BrokenAnswersFailVerificationTest {

    private static final List<String> BOTH = List.of("the validated initiatives, for anyone",
            "an initiative's page, with its reach");

    @Test
    void theUnchangedAnswersPass() {
        Events tests = PayloadBreakage.verify(Verification.class, UnaryOperator.identity());
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(2);
    }

    @Test
    void aRenamedKeyFails() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "maturityLabel", "maturiteLibelle"));
        assertThat(failures(tests)).containsExactlyInAnyOrderElementsOf(BOTH);
    }

    @Test
    void aNumberWrittenAsAStringFails() {
        // the reach's population (a territory's is not pinned: the pages do not show it)
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> data.containsKey("liveReplications")
                        ? PayloadBreakage.replace(data, "population", v -> String.valueOf(v)) : data);
        assertThat(failures(tests)).containsExactly("an initiative's page, with its reach");
    }

    @Test
    void aChangedEnumerationFails() {
        // territory levels in lower case
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "level", v -> String.valueOf(v).toLowerCase(java.util.Locale.ROOT)));
        assertThat(failures(tests)).containsExactlyInAnyOrderElementsOf(BOTH);
    }

    @Test
    void aKeyThePortalIgnoresMayChange() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "awardIds", "awards"));
        assertThat(tests.failed().count()).as(failures(tests).toString()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(2);
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
