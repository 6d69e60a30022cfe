package fr.dataterritoires.datasetsearch.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

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
import fr.dataterritoires.datasetsearch.contracts.verification.DatasetSearchPactVerificationTest;

/**
 * The acceptance of issue 8 for events: renaming or retyping a field a consumer reads in dataset-search's payloads
 * makes the provider verification fail. The verification of {@link DatasetSearchPactVerificationTest} runs (JUnit's
 * test kit) against the real payloads changed the way a careless edit of {@code CatalogueEvents} would.
 */
class BrokenPayloadsFailVerificationTest {

    static final AtomicReference<UnaryOperator<Map<String, Object>>> CHANGE =
            new AtomicReference<>(UnaryOperator.identity());

    @Test
    void theUnchangedPayloadsPass() {
        Events tests = verify(UnaryOperator.identity());
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(2);
    }

    @Test
    void aRenamedFieldFails() {
        Events tests = verify(data -> rename(data, "datasetId", "id"));
        assertThat(tests.failed().count()).isEqualTo(2);
    }

    @Test
    void aRetypedFieldFails() {
        // the access level as a list of levels rather than one
        Events tests = verify(data -> {
            Map<String, Object> changed = new LinkedHashMap<>(data);
            changed.computeIfPresent("accessLevel", (k, v) -> List.of(v));
            return changed;
        });
        assertThat(tests.failed().count()).isEqualTo(2);
    }

    @Test
    void aChangedEnumerationFails() {
        Events tests = verify(data -> {
            Map<String, Object> changed = new LinkedHashMap<>(data);
            changed.computeIfPresent("accessLevel", (k, v) -> "ouvert");
            return changed;
        });
        assertThat(tests.failed().count()).isEqualTo(2);
    }

    @Test
    void aFieldTheConsumerIgnoresMayChange() {
        // roadmaps reads only the id and the access level: the title is free to go
        Events tests = verify(data -> rename(data, "title", "name"));
        assertThat(tests.failed().count()).isZero();
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
    @Provider("dataset-search")
    @PactFolder("../../libs/contracts/pacts")
    static class Verification {

        @TestTemplate
        @ExtendWith(PactVerificationInvocationContextProvider.class)
        void honoursThePact(PactVerificationContext context) {
            context.verifyInteraction();
        }

        @BeforeEach
        void messages(PactVerificationContext context) {
            context.setTarget(new MessageTestTarget(List.of("fr.dataterritoires.datasetsearch.contracts.breakage")));
        }

        @PactVerifyProvider("a dataset published")
        MessageAndMetadata datasetPublished() {
            return DatasetSearchPactVerificationTest.published(CHANGE.get());
        }

        @PactVerifyProvider("a dataset updated")
        MessageAndMetadata datasetUpdated() {
            return DatasetSearchPactVerificationTest.updated(CHANGE.get());
        }
    }
}
