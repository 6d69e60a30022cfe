package fr.dataterritoires.platform.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;

/**
 * One INFO line per gRPC call served: method, status, duration. What the gateway's access log is for REST, for the
 * calls between services, which no other log shows: written while the call's observation is current, so the line
 * carries the caller's trace id ({@code traceId} in the JSON logs) and an operator following a request finds the
 * calls it made. Health checks and reflection are left out (probes would drown the rest); nothing of the request,
 * the answer or the caller is logged.
 *
 * <p>Outermost of the server interceptors, so that calls refused by authentication are logged too (they have no
 * span: the refusal comes before the observation starts).
 */
public class GrpcCallLog implements ServerInterceptor, Ordered {

    /** Before the authentication interceptor (-10) and the observation (0). */
    public static final int ORDER = -20;

    private static final Logger log = LoggerFactory.getLogger(GrpcCallLog.class);

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        if (PlatformGrpcServerAutoConfiguration.isHealthOrReflection(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        String method = call.getMethodDescriptor().getFullMethodName();
        long start = System.nanoTime();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                log.info("gRPC {} {} in {} ms", method, status.getCode(), (System.nanoTime() - start) / 1_000_000);
                super.close(status, trailers);
            }
        }, headers);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
