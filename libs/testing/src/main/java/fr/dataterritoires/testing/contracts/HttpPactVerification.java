package fr.dataterritoires.testing.contracts;

import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The base of a provider's HTTP pact verification (docs/adr/0015-contract-tests.md): every HTTP interaction its
 * consumers committed in {@value CommittedPacts#COMMITTED} (message interactions are left to the message
 * verification) is replayed against the real service, which the subclass starts (Spring Boot test on a random port,
 * real backends) and names with {@code @Provider}; its {@code @State} methods create what each provider state says
 * through the service's application layer and return the values the pact injects (ids in paths and bodies).
 * <p>
 * A consumer's request carrying a user's token carries an example one: a state handler says who is signed in
 * ({@link #signIn}) and its token, one the service trusts, replaces the example. Under {@link PayloadBreakage#verify}
 * every JSON answer of the service passes through the breakage's change before Pact compares it, which is how a
 * provider proves that an incompatible change of its answers fails the verification.
 */
@PactFolder("../../" + CommittedPacts.COMMITTED)
@PactFilter(value = "Synchronous/HTTP", filter = InteractionFilter.ByInteractionType.class)
public abstract class HttpPactVerification {

    private String bearer;

    /** The service's HTTP port on 127.0.0.1. */
    protected abstract int port();

    /** The user of the interaction, for a state handler: their token replaces the consumer's example. */
    protected final void signIn(String token) {
        this.bearer = token;
    }

    @BeforeEach
    void onTheService(PactVerificationContext context) {
        context.setTarget(new ServiceAnswers(port()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursThePact(PactVerificationContext context, HttpRequest request) {
        if (request.containsHeader(HttpHeaders.AUTHORIZATION)) {
            if (bearer == null) {
                throw new AssertionError("The interaction sends a user's token but none of its provider states "
                        + context.getInteraction().getProviderStates() + " signs a user in (signIn)");
            }
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        context.verifyInteraction();
    }

    /** The service on loopback; its JSON answers pass through {@link PayloadBreakage#change()} when one applies. */
    static final class ServiceAnswers extends HttpTestTarget {

        ServiceAnswers(int port) {
            super("127.0.0.1", port);
        }

        @Override
        public ProviderResponse executeInteraction(Object client, Object request) {
            ProviderResponse answer = super.executeInteraction(client, request);
            OptionalBody body = answer.getBody();
            if (!PayloadBreakage.changing() || body == null || !body.isPresent()
                    || !answer.getContentType().isJson()) {
                return answer;
            }
            return new ProviderResponse(answer.getStatusCode(), answer.getHeaders(), answer.getContentType(),
                    OptionalBody.body(PayloadBreakage.changeJson(body.getValue()), answer.getContentType()),
                    answer.getMetadata());
        }
    }
}
