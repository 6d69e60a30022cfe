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
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sends a bearer token with every outgoing call that has no {@code Authorization} header yet,
 * on the channels made by {@link PlatformGrpcClients} (not on other channels):
 * <ul>
 * <li>while serving an authenticated request (REST or gRPC): the caller's own JWT;</li>
 * <li>while serving an anonymous request (a public REST endpoint or gRPC method): nothing, so the
 * callee sees an anonymous call. Never the service's token: an anonymous caller must not borrow
 * the service's identity and roles (confused deputy);</li>
 * <li>outside any request (a scheduled job, an event consumer: no authentication at all), on a
 * channel opted in with {@code dataterritoires.grpc.client.service-token-channels}: the
 * {@link ServiceTokenProvider}'s token; else nothing.</li>
 * </ul>
 */
public class BearerTokenPropagationInterceptor implements ClientInterceptor {

    private static final boolean SPRING_WEB = ClassUtils.isPresent(
            "org.springframework.web.context.request.RequestContextHolder",
            BearerTokenPropagationInterceptor.class.getClassLoader());

    private final Supplier<Optional<String>> serviceToken;

    /** Propagates the callers' tokens only (the channel is not opted in for the service token). */
    public BearerTokenPropagationInterceptor() {
        this(Optional::empty);
    }

    /** Propagates the callers' tokens, and sends {@code serviceToken}'s outside any request. */
    public BearerTokenPropagationInterceptor(Supplier<Optional<String>> serviceToken) {
        this.serviceToken = serviceToken;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
                                                               CallOptions callOptions, Channel next) {
        // Decided on the calling thread: the security context and the request are thread-bound.
        Supplier<Optional<String>> token = tokenSource();
        return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
            @Override
            public void start(Listener<RespT> responseListener, Metadata headers) {
                if (!headers.containsKey(GrpcSecurity.AUTHORIZATION_KEY)) {
                    token.get().ifPresent(value -> headers.put(GrpcSecurity.AUTHORIZATION_KEY, "Bearer " + value));
                }
                super.start(responseListener, headers);
            }
        };
    }

    private Supplier<Optional<String>> tokenSource() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token && token.isAuthenticated()) {
            String value = token.getToken().getTokenValue();
            return () -> Optional.of(value);
        }
        if (authentication == null && !servingARequest()) {
            return serviceToken;
        }
        // An anonymous (or otherwise authenticated) caller: nobody's token.
        return Optional::empty;
    }

    /**
     * Whether the thread serves an inbound request. Spring gRPC leaves the security context empty
     * (not anonymous) for an anonymous call to a public method, but binds its gRPC context key;
     * a REST request binds its request attributes.
     */
    static boolean servingARequest() {
        if (GrpcSecurity.SECURITY_CONTEXT_KEY.get() != null) {
            return true;
        }
        return SPRING_WEB && RequestContextHolder.getRequestAttributes() != null;
    }
}
