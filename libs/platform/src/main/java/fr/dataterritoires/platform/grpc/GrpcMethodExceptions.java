package fr.dataterritoires.platform.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import org.springframework.core.Ordered;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.grpc.server.exception.GrpcExceptionHandlerInterceptor;

/**
 * Translates an exception a gRPC method throws ({@link GrpcStatusTranslator}, then Spring gRPC's other handlers) right
 * where it is thrown: the innermost interceptor. Spring gRPC's own exception interceptor is the outermost one: it closed
 * the call past every other interceptor, so the call log ({@link GrpcCallLog}) had no line for the call and the
 * observation recorded UNKNOWN ({@code grpc_server_seconds{grpc_status_code="UNKNOWN"}}) whatever the caller got, a
 * NOT_FOUND or an INVALID_ARGUMENT counting as a server error in {@code DtGrpcErrorRateHigh}. Spring gRPC's stays
 * for what the interceptors themselves throw.
 */
public class GrpcMethodExceptions implements ServerInterceptor, Ordered {

    private final GrpcExceptionHandlerInterceptor delegate;

    public GrpcMethodExceptions(GrpcExceptionHandler handler) {
        this.delegate = new GrpcExceptionHandlerInterceptor(handler);
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        return delegate.interceptCall(call, headers, next);
    }

    /** After the call log (-20), the authentication (-10), the rate limit (-5) and the observation (0). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
