package fr.dataterritoires.roadmaps.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import fr.dataterritoires.roadmaps.contracts.verification.RoadmapsPactVerificationTest;
import fr.dataterritoires.testing.contracts.MessagePactVerification;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * The acceptance of issue 8 for events: renaming or retyping a field a consumer reads in roadmaps' payload makes the
 * provider verification fail. The same verification as {@link RoadmapsPactVerificationTest} runs (JUnit's test kit)
 * against the real payloads changed the way a careless edit of {@code RoadmapEvents} would.
 */
class BrokenPayloadsFailVerificationTest {

    @Test
    void theUnchangedPayloadsPass() {
        Events tests = PayloadBreakage.verify(Verification.class, UnaryOperator.identity());
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(3);
    }

    @Test
    void aRenamedFieldFails() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "title", "label"));
        assertThat(tests.failed().count()).isEqualTo(3);
    }

    @Test
    void aRetypedFieldFails() {
        // targetDate as epoch days rather than an ISO date: the national priority to be produced has none
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "targetDate",
                        v -> java.time.LocalDate.parse((String) v).toEpochDay()));
        assertThat(tests.failed().count()).isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(1);
    }

    @Test
    void aChangedEnumerationFails() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "targetAccessLevel", v -> "ouvert"));
        assertThat(tests.failed().count()).isEqualTo(2);
    }

    /** Run only through the test kit (surefire skips nested classes). */
    @Provider("roadmaps")
    static class Verification extends MessagePactVerification {

        @PactVerifyProvider("a territorial priority dataset declared")
        MessageAndMetadata territorialPriority() {
            return RoadmapsPactVerificationTest.territorial(PayloadBreakage.change());
        }

        @PactVerifyProvider("a dataset item of a published committee roadmap declared a priority")
        MessageAndMetadata committeeRoadmapItem() {
            return RoadmapsPactVerificationTest.committeeItem(PayloadBreakage.change());
        }

        @PactVerifyProvider("a national priority dataset declared, still to be produced")
        MessageAndMetadata nationalPriority() {
            return RoadmapsPactVerificationTest.national(PayloadBreakage.change());
        }
    }
}
