package fr.dataterritoires.portal.integration;

import java.util.List;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import fr.dataterritoires.portal.application.HarvestViews.FailurePage;
import fr.dataterritoires.portal.application.HarvestViews.Run;
import fr.dataterritoires.portal.application.HarvestViews.Source;
import fr.dataterritoires.portal.application.Harvests;

/**
 * {@link Harvests} on dataset-search's REST API ({@code /sources}, {@code /sources/{id}/runs},
 * {@code /harvest-runs/{id}}, {@code /harvest-runs/{id}/failures}; relative to the API's root, the service's
 * {@code /api} or the gateway's {@code /api/dataset-search}).
 */
@Component
public class RestHarvests implements Harvests {

    static final String SERVICE = "dataset-search";

    private final ServiceClients clients;

    public RestHarvests(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Source> sources() {
        List<Source> sources = call(c -> c.get().uri("/sources").retrieve()
                .body(new ParameterizedTypeReference<List<Source>>() {
                }));
        return sources == null ? List.of() : sources;
    }

    @Override
    public Source source(String id) {
        return call(c -> c.get().uri("/sources/{id}", id).retrieve().body(Source.class));
    }

    @Override
    public List<Run> runs(String sourceId, int limit) {
        List<Run> runs = call(c -> c.get().uri(u -> u.path("/sources/{id}/runs").queryParam("limit", limit)
                .build(sourceId)).retrieve().body(new ParameterizedTypeReference<List<Run>>() {
                }));
        return runs == null ? List.of() : runs;
    }

    @Override
    public Run run(String runId) {
        return call(c -> c.get().uri("/harvest-runs/{id}", runId).retrieve().body(Run.class));
    }

    @Override
    public Run start(String sourceId) {
        return call(c -> c.post().uri("/sources/{id}/runs", sourceId).retrieve().body(Run.class));
    }

    @Override
    public FailurePage failures(String runId, int offset, int limit) {
        return call(c -> c.get().uri(u -> u.path("/harvest-runs/{id}/failures").queryParam("offset", offset)
                .queryParam("limit", limit).build(runId)).retrieve().body(FailurePage.class));
    }

    private <T> T call(Function<RestClient, T> request) {
        return clients.call(SERVICE, request);
    }
}
