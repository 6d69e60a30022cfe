package fr.dataterritoires.commonscalls.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import fr.dataterritoires.commonscalls.application.CommonsCallsPactVerificationTest;

/**
 * The acceptance of issue 8 for events: renaming or retyping a field a consumer reads in commons-calls' payloads makes
 * the provider verification fail. The verification of {@link CommonsCallsPactVerificationTest} runs (JUnit's test
 * kit) against the real payloads changed the way a careless edit of {@code CommonsCallsEvents} would. Three
 * interactions: roadmaps' award, replication's award and replication's allocation.
 */
class BrokenPayloadsFailVerificationTest {

    static final AtomicReference<UnaryOperator<Map<String, Object>>> CHANGE =
            new AtomicReference<>(UnaryOperator.identity());

    @Test
    void theUnchangedPayloadsPass() {
        Events tests = verify(UnaryOperator.identity());
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(3);
    }

    @Test
    void aRenamedFieldFails() {
        // every consumer reads the amount
        Events tests = verify(data -> rename(data, "amount", "grantAmount"));
        assertThat(tests.failed().count()).isEqualTo(3);
    }

    @Test
    void aRetypedFieldFails() {
        // the amount as a JSON number with the same digits (150000.00), rather than a decimal string: the pacts pin
        // the type as well as the pattern
        Events tests = verify(data -> {
            Map<String, Object> changed = new LinkedHashMap<>(data);
            changed.computeIfPresent("amount", (k, v) -> new BigDecimal((String) v));
            return changed;
        });
        assertThat(tests.failed().count()).isEqualTo(3);
    }

    @Test
    void aSirenAsANumberFails() {
        Events tests = verify(data -> {
            Map<String, Object> changed = new LinkedHashMap<>(data);
            changed.computeIfPresent("funderSiren", (k, v) -> Long.parseLong((String) v));
            return changed;
        });
        // both awards carry the funder's SIREN; the allocation does not
        assertThat(tests.failed().count()).isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(1);
    }

    @Test
    void aFieldOnlyOneConsumerReadsFailsForThatConsumerOnly() {
        // the roadmap item is roadmaps' concern alone
        Events tests = verify(data -> {
            Map<String, Object> changed = new LinkedHashMap<>(data);
            changed.computeIfPresent("roadmapItem", (k, v) -> List.of(v));
            return changed;
        });
        assertThat(tests.failed().count()).isEqualTo(1);
        assertThat(tests.succeeded().count()).isEqualTo(2);
    }

    private static Events verify(UnaryOperator<Map<String, Object>> change) {
        CHANGE.set(change);
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(Verification.class)).execute()
                    .testEvents();
        } finally {
            CHANGE.set(UnaryOperator.identity());
        }
    }

    private static Map<String, Object> rename(Map<String, Object> data, String from, String to) {
        Map<String, Object> changed = new LinkedHashMap<>();
        data.forEach((k, v) -> changed.put(k.equals(from) ? to : k, v));
        return changed;
    }

    /** Run only through the test kit (surefire skips nested classes). */
    @Provider("commons-calls")
    @PactFolder("../../libs/contracts/pacts")
    static class Verification {

        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void honoursThePact(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void messages(PactVerificationContext context) {
            context.setTarget(new MessageTestTarget(List.of("fr.dataterritoires.commonscalls.contracts.breakage")));
        }

        @PactVerifyProvider("an award granted for a roadmap item")
        MessageAndMetadata awardForAnItem() {
            return CommonsCallsPactVerificationTest.awardGranted(CHANGE.get());
        }

        @PactVerifyProvider("an award granted for a commons")
        MessageAndMetadata awardForACommons() {
            return CommonsCallsPactVerificationTest.awardGranted(CHANGE.get());
        }

        @PactVerifyProvider("préciput allocated to support a replication")
        MessageAndMetadata replicationSupport() {
            return CommonsCallsPactVerificationTest.preciputAllocated(CHANGE.get());
        }
    }
}
