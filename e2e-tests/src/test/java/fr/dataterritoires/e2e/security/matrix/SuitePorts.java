package fr.dataterritoires.e2e.security.matrix;

import fr.dataterritoires.e2e.support.SharedSuite;
import java.net.URI;
import java.util.Map;

/**
 * The suite's ports: the gateway, and each service's own HTTP and gRPC ports (the matrix reads the services' own
 * OpenAPI documents and calls gRPC on the services' sockets). With {@code -Ddt.e2e.gateway=URL} (a suite already
 * running), every port is shifted as much as the gateway's from 8080, as {@code make run}'s port offset does.
 */
final class SuitePorts {

    private static final Map<String, Integer> HTTP = Map.of("roadmaps", 8081, "commons-calls", 8082, "exchanges", 8083,
            "replication", 8084, "dataset-search", 8085);
    private static final Map<String, Integer> GRPC = Map.of("commons-calls", 9092, "replication", 9094,
            "dataset-search", 9095);

    private SuitePorts() {
    }

    static URI gateway() throws Exception {
        return SharedSuite.gateway();
    }

    static int offset() throws Exception {
        String running = System.getProperty("dt.e2e.gateway");
        return running != null && !running.isBlank() ? URI.create(running.strip()).getPort() - 8080
                : SharedSuite.get().portOffset();
    }

    static int http(String service) throws Exception {
        return HTTP.get(service) + offset();
    }

    static int grpc(String service) throws Exception {
        return GRPC.get(service) + offset();
    }
}
