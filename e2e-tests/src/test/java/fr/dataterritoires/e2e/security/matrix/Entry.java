package fr.dataterritoires.e2e.security.matrix;

/**
 * One row of the matrix: a REST endpoint ({@code GET /api/roadmaps/{id}}, the service's own path, without the
 * gateway's {@code /api/<service>} prefix) or a gRPC method ({@code GRPC fr.dataterritoires...v1.Service/Method}).
 *
 * @param service the service's name ({@code roadmaps}, ...)
 * @param method the HTTP method, or {@code GRPC}
 * @param path the path template as in the service's OpenAPI document, or the gRPC full method name
 * @param access every caller's expected answer
 * @param why the rule, in French, for the generated table
 * @param destructive the call removes or closes the matrix's resource: walked after every other row
 */
public record Entry(String service, String method, String path, Access access, String why, boolean destructive) {

    public boolean grpc() {
        return "GRPC".equals(method);
    }

    /** {@code GET /api/roadmaps/{id}}: what the completeness check compares. */
    public String key() {
        return method + " " + path;
    }
}
