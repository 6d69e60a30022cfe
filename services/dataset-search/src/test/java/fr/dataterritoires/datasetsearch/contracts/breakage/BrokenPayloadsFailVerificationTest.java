package fr.dataterritoires.datasetsearch.contracts.breakage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import fr.dataterritoires.datasetsearch.contracts.verification.DatasetSearchPactVerificationTest;
import fr.dataterritoires.testing.contracts.MessagePactVerification;
import fr.dataterritoires.testing.contracts.PayloadBreakage;

/**
 * The acceptance of issue 8 for events: renaming or retyping a field a consumer reads in dataset-search's payloads
 * makes the provider verification fail. The verification of {@link DatasetSearchPactVerificationTest} runs (JUnit's
 * test kit) against the real payloads changed the way a careless edit of {@code CatalogueEvents} would.
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
                data -> PayloadBreakage.rename(data, "datasetId", "id"));
        // published, updated and withdrawn all name the dataset by it
        assertThat(tests.failed().count()).isEqualTo(3);
    }

    @Test
    void aRetypedFieldFails() {
        // the access level as a list of levels rather than one (a withdrawal carries none)
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "accessLevel", v -> List.of(v)));
        assertThat(tests.failed().count()).isEqualTo(2);
        assertThat(tests.succeeded().count()).isEqualTo(1);
    }

    @Test
    void aChangedEnumerationFails() {
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.replace(data, "accessLevel", v -> "ouvert"));
        assertThat(tests.failed().count()).isEqualTo(2);
    }

    @Test
    void aFieldTheConsumerIgnoresMayChange() {
        // roadmaps reads only the id and the access level: the title is free to go
        Events tests = PayloadBreakage.verify(Verification.class,
                data -> PayloadBreakage.rename(data, "title", "name"));
        assertThat(tests.failed().count()).isZero();
    }

    /** Run only through the test kit (surefire skips nested classes). */
    @Provider("dataset-search")
    static class Verification extends MessagePactVerification {

        @PactVerifyProvider("a dataset published")
        MessageAndMetadata datasetPublished() {
            return DatasetSearchPactVerificationTest.published(PayloadBreakage.change());
        }

        @PactVerifyProvider("a dataset updated")
        MessageAndMetadata datasetUpdated() {
            return DatasetSearchPactVerificationTest.updated(PayloadBreakage.change());
        }

        @PactVerifyProvider("a dataset withdrawn")
        MessageAndMetadata datasetWithdrawn() {
            return DatasetSearchPactVerificationTest.withdrawn(PayloadBreakage.change());
        }
    }
}
