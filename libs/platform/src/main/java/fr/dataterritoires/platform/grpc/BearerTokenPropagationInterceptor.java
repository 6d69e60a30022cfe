package fr.dataterritoires.platform.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * Sends a bearer token with every outgoing call that has no {@code Authorization} header yet:
 * the caller's own JWT when the call is made while serving an authenticated request (REST or
 * gRPC), else the service's token from {@link ServiceTokenProvider} if one is declared, else
 * nothing (the callee then answers UNAUTHENTICATED unless the method is public).
 */
public class BearerTokenPropagationInterceptor implements ClientInterceptor {

    private final Supplier<Optional<String>> serviceToken;

    public BearerTokenPropagationInterceptor(Supplier<Optional<String>> serviceToken) {
        this.serviceToken = serviceToken;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
                                                               CallOptions callOptions, Channel next) {
        // Read on the calling thread: the security context is thread-bound.
        Optional<String> callerToken = callerToken();
        return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
            @Override
            public void start(Listener<RespT> responseListener, Metadata headers) {
                if (!headers.containsKey(GrpcSecurity.AUTHORIZATION_KEY)) {
                    callerToken.or(serviceToken)
                            .ifPresent(token -> headers.put(GrpcSecurity.AUTHORIZATION_KEY, "Bearer " + token));
                }
                super.start(responseListener, headers);
            }
        };
    }

    static Optional<String> callerToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token && token.isAuthenticated()) {
            return Optional.of(token.getToken().getTokenValue());
        }
        return Optional.empty();
    }
}
