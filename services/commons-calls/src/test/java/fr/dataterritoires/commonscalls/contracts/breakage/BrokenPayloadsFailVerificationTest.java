package fr.dataterritoires.commonscalls.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import fr.dataterritoires.commonscalls.application.CommonsCallsPactVerificationTest;
import fr.dataterritoires.testing.contracts.MessagePactVerification;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * The acceptance of issue 8 for events: renaming or retyping a field a consumer reads in commons-calls' payloads makes
 * the provider verification fail. The verification of {@link CommonsCallsPactVerificationTest} runs (JUnit's test
 * kit) against the real payloads changed the way a careless edit of {@code CommonsCallsEvents} would. Three
 * interactions: roadmaps' award, replication's award and replication's allocation.
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
        // every consumer reads the amount
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "amount", "grantAmount"));
        assertThat(tests.failed().count()).isEqualTo(3);
    }

    @Test
    void aRetypedFieldFails() {
        // the amount as a JSON number with the same digits (150000.00), rather than a decimal string: the pacts pin
        // the type as well as the pattern
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "amount", v -> new BigDecimal((String) v)));
        assertThat(tests.failed().count()).isEqualTo(3);
    }

    @Test
    void aSirenAsANumberFails() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "funderSiren", v -> Long.parseLong((String) v)));
        // both awards carry the funder's SIREN; the allocation does not
        assertThat(tests.failed().count()).isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(1);
    }

    @Test
    void aFieldOnlyOneConsumerReadsFailsForThatConsumerOnly() {
        // the roadmap item is roadmaps' concern alone
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "roadmapItem", v -> List.of(v)));
        assertThat(tests.failed().count()).isEqualTo(1);
        assertThat(tests.succeeded().count()).isEqualTo(2);
    }

    /** Run only through the test kit (surefire skips nested classes). */
    @Provider("commons-calls")
    static class Verification extends MessagePactVerification {

        @PactVerifyProvider("an award granted for a roadmap item")
        MessageAndMetadata awardForAnItem() {
            return CommonsCallsPactVerificationTest.awardGranted(PayloadBreakage.change());
        }

        @PactVerifyProvider("an award granted for a commons")
        MessageAndMetadata awardForACommons() {
            return CommonsCallsPactVerificationTest.awardGranted(PayloadBreakage.change());
        }

        @PactVerifyProvider("préciput allocated to support a replication")
        MessageAndMetadata replicationSupport() {
            return CommonsCallsPactVerificationTest.preciputAllocated(PayloadBreakage.change());
        }
    }
}
