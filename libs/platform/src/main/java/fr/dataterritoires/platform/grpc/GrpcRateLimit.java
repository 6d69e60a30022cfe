package fr.dataterritoires.platform.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.springframework.core.Ordered;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.ratelimit.Callers;
import fr.dataterritoires.platform.ratelimit.RateDecision;
import fr.dataterritoires.platform.ratelimit.ServiceRateLimiter;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * The service's own rate limit on gRPC (ADR 0018), with the same buckets as REST ({@link ServiceRateLimiter}): the
 * caller is the token's subject (the authentication interceptor ran first), else its address. A refused call is closed
 * with {@code RESOURCE_EXHAUSTED}, a French description, the problem type {@code trop-de-requetes} and the seconds to
 * wait in the {@code retry-after} trailer. Health and reflection are never limited.
 */
public class GrpcRateLimit implements ServerInterceptor, Ordered {

    /** After the authentication interceptor (-10), before the observation (0): a refusal costs no span. */
    public static final int ORDER = -5;

    /** Seconds to wait before calling again, on a refused call. */
    public static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after",
            Metadata.ASCII_STRING_MARSHALLER);

    private final ServiceRateLimiter limiter;

    public GrpcRateLimit(ServiceRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        if (PlatformGrpcServerAutoConfiguration.isHealthOrReflection(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        RateDecision decision = limiter.decide(Callers.key(authentication(), address(call)),
                ServiceRateLimiter.Protocol.GRPC);
        if (decision.allowed()) {
            return next.startCall(call, headers);
        }
        Metadata trailers = new Metadata();
        trailers.put(GrpcStatusTranslator.PROBLEM_TYPE, ProblemTypes.TROP_DE_REQUETES);
        trailers.put(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        call.close(Status.RESOURCE_EXHAUSTED.withDescription("Trop de requêtes : réessayez dans "
                + decision.retryAfterSeconds() + " s."), trailers);
        return new ServerCall.Listener<>() {
        };
    }

    /** Set by Spring gRPC's authentication interceptor around the inner interceptors (thread and gRPC context). */
    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            SecurityContext context = GrpcSecurity.SECURITY_CONTEXT_KEY.get();
            authentication = context == null ? null : context.getAuthentication();
        }
        return authentication;
    }

    private static String address(ServerCall<?, ?> call) {
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
