package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fr.dataterritoires.territory.Region;
import fr.dataterritoires.territory.Territories;

/**
 * The real roadmaps service for the tests of the modules that call it (the portal over REST): its executable jar
 * started as a process ({@link ServiceProcess}) on the backends the tests resolved, in a database and a namespace of
 * its own ({@link ServiceProcess.Builder#onTestBackends}), calling the dataset-search process the caller names over
 * gRPC (dataset references of roadmap items), then given the 18 régions' territorial data committees through its REST
 * API, as {@code make run SEED=demo} does. The caller says which issuer it trusts ({@code configure}) and gives a
 * national coordinator's token of that issuer for the seeding.
 */
public final class RoadmapsProcess {

    private final ServiceProcess process;
    private final ServiceApi api;

    private RoadmapsProcess(ServiceProcess process, String coordinatorToken) {
        this.process = process;
        this.api = new ServiceApi(process, coordinatorToken);
    }

    /**
     * Starts it and creates the committees; the process stops when the JVM exits (or on {@code process().close()}).
     *
     * @param datasetSearchGrpcPort the gRPC port of the dataset-search it checks dataset references with
     * @param configure             the issuer it trusts and anything else ({@code trustIssuer}, properties)
     * @param coordinatorToken      a {@code NATIONAL_COORDINATOR} token it accepts (committees)
     */
    public static RoadmapsProcess start(int datasetSearchGrpcPort, Consumer<ServiceProcess.Builder> configure,
                                        String coordinatorToken) throws IOException, InterruptedException {
        ServiceProcess.Builder builder = ServiceProcess.builder("roadmaps",
                        ServiceProcess.jarFromSystemProperty("dataterritoires.test.roadmaps-jar"))
                .profile("local")
                .onTestBackends("roadmaps_process")
                .env("DT_DATASET_SEARCH_GRPC_ADDRESS", "static://127.0.0.1:" + datasetSearchGrpcPort)
                .httpPort(ServiceProcess.freePort());
        configure.accept(builder);
        return builder.startThen(process -> {
            RoadmapsProcess started = new RoadmapsProcess(process, coordinatorToken);
            started.committees();
            return started;
        });
    }

    public ServiceProcess process() {
        return process;
    }

    /** Its HTTP base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return process.uri("/");
    }

    /** Its REST API, as a national coordinator by default. */
    public ServiceApi api() {
        return api;
    }

    private void committees() throws IOException, InterruptedException {
        for (Region region : Territories.get().regions()) {
            api.call("POST", "/api/governance/committees", Map.of("regionCode", region.code(),
                    "name", "Comité régional de la donnée — " + region.name(), "relevantTerritory", List.of()), 201);
        }
        int created = api.call("GET", "/api/governance/committees", null, 200).size();
        if (created != Territories.get().regions().size()) {
            throw new AssertionError("committees: " + created + " for " + Territories.get().regions().size()
                    + " régions");
        }
    }
}
