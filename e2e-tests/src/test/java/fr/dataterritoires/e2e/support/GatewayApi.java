package fr.dataterritoires.e2e.support;

import java.net.URI;
import java.util.function.Supplier;

import fr.dataterritoires.platform.testsupport.HttpApi;

/**
 * The running suite's gateway through the one REST test client ({@link HttpApi}): paths are the gateway's
 * ({@code /api/<service>/...}). A journey is one client making many calls, and behaves as a client should: when
 * the gateway's rate limit answers 429, the call is made again after its Retry-After (the limit is the gateway's
 * concern, tested there); when a service answers 503 because a dependency is momentarily unavailable (e.g. the
 * first gRPC call of a service just started, on a loaded machine), it is made again after its Retry-After, twice at
 * most, and said on the output: a dependency really down still fails the journey.
 */
public final class GatewayApi extends HttpApi {

    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_UNAVAILABLE_RETRIES = 2;

    public GatewayApi(URI gateway) {
        super(gateway.getPort());
    }

    @Override
    public Response get(String path, String token) {
        return patiently(() -> super.get(path, token));
    }

    @Override
    public Response post(String path, String token, Object body) {
        return patiently(() -> super.post(path, token, body));
    }

    @Override
    public Response put(String path, String token, Object body) {
        return patiently(() -> super.put(path, token, body));
    }

    @Override
    public Response patch(String path, String token, Object body) {
        return patiently(() -> super.patch(path, token, body));
    }

    @Override
    public Response delete(String path, String token) {
        return patiently(() -> super.delete(path, token));
    }

    @Override
    public Response send(String method, String path, String token, String contentType, byte[] body) {
        return patiently(() -> super.send(method, path, token, contentType, body));
    }

    private static Response patiently(Supplier<Response> call) {
        int unavailable = 0;
        for (int attempt = 1; ; attempt++) {
            Response r = call.get();
            boolean limited = r.status() == 429 && attempt < MAX_ATTEMPTS;
            boolean retryable = r.status() == 503 && unavailable < MAX_UNAVAILABLE_RETRIES;
            if (!limited && !retryable) {
                return r;
            }
            if (retryable) {
                unavailable++;
                System.out.println("GatewayApi: 503, retried as told (" + unavailable + "/" + MAX_UNAVAILABLE_RETRIES
                        + "): " + r.body());
            }
            String retryAfter = r.header("Retry-After");
            long seconds = retryAfter == null ? 2 : Math.min(30, Math.max(1, Long.parseLong(retryAfter.strip())));
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
