package fr.dataterritoires.portal.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import fr.dataterritoires.portal.application.AccessRequestReceipt;
import fr.dataterritoires.portal.application.DatasetCatalogue;
import fr.dataterritoires.portal.application.DatasetDetail;
import fr.dataterritoires.portal.application.SearchPage;
import fr.dataterritoires.portal.application.TerritoryChoice;
import fr.dataterritoires.portal.domain.AccessRequestDraft;
import fr.dataterritoires.portal.domain.SearchCriteria;

/**
 * {@link DatasetCatalogue} on dataset-search's REST API ({@code /api/datasets…}, {@code /api/access-requests}; the
 * paths here are relative to the API's root, the service's {@code /api} or the gateway's {@code /api/dataset-search}).
 */
@Component
public class RestDatasetCatalogue implements DatasetCatalogue {

    static final String SERVICE = "dataset-search";

    private final ServiceClients clients;

    public RestDatasetCatalogue(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public SearchPage search(SearchCriteria criteria) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        criteria.parameters().forEach(p -> query.add(p.getKey(), p.getValue()));
        query.add("page", Integer.toString(criteria.page()));
        query.add("size", Integer.toString(SearchCriteria.PAGE_SIZE));
        String uri = UriComponentsBuilder.fromPath("/datasets").queryParams(query).encode().build().toUriString();
        return call(client -> client.get().uri(uri).retrieve().body(SearchPage.class));
    }

    @Override
    public DatasetDetail dataset(String id) {
        return call(client -> client.get().uri("/datasets/{id}", id).retrieve().body(DatasetDetail.class));
    }

    @Override
    public List<TerritoryChoice> territories(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Suggestions found = call(client -> client.get()
                .uri(u -> u.path("/datasets/suggestions").queryParam("q", text.strip()).build())
                .retrieve().body(Suggestions.class));
        return found == null || found.territories() == null ? List.of() : found.territories();
    }

    @Override
    public AccessRequestReceipt submitAccessRequest(AccessRequestDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", draft.datasetId());
        body.put("organisationSiren", draft.organisationSiren());
        body.put("requesterName", draft.requesterName());
        body.put("requesterEmail", draft.requesterEmail());
        body.put("purpose", draft.purpose());
        body.put("wishedStart", draft.wishedStart());
        body.put("wishedEnd", draft.wishedEnd());
        body.put("legalBasis", draft.legalBasis());
        return call(client -> client.post().uri("/access-requests").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(AccessRequestReceipt.class));
    }

    @Override
    public List<AccessRequestReceipt> myAccessRequests() {
        return call(client -> client.get().uri("/access-requests?view=MINE&limit=50").retrieve()
                .body(new ParameterizedTypeReference<List<AccessRequestReceipt>>() {
                }));
    }

    private <T> T call(java.util.function.Function<RestClient, T> request) {
        return clients.call(SERVICE, request);
    }

    record Suggestions(List<TerritoryChoice> territories) {
    }
}
