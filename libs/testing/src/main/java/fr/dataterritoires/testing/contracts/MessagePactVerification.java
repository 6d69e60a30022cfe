package fr.dataterritoires.testing.contracts;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The base of a producer's message pact verification (docs/adr/0015-contract-tests.md): every message interaction its
 * consumers committed in {@value CommittedPacts#COMMITTED} (HTTP ones are left to {@link HttpPactVerification}) is
 * answered by the subclass's {@code @PactVerifyProvider} methods, named by {@code @Provider}, which build each message
 * with the producer's real payload code. Producer methods are looked for in the subclass's own package only: a
 * classpath-wide scan is slow and would find the deliberately broken ones of {@link PayloadBreakage}'s tests.
 */
@PactFolder("../../" + CommittedPacts.COMMITTED)
@PactFilter(value = "Asynchronous/Messages", filter = InteractionFilter.ByInteractionType.class)
public abstract class MessagePactVerification {

    @BeforeEach
    void messages(PactVerificationContext context) {
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursThePact(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
