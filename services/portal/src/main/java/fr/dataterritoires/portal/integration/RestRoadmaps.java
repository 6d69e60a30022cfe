package fr.dataterritoires.portal.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import fr.dataterritoires.portal.application.ConsolidationView;
import fr.dataterritoires.portal.application.FinancialSectionView;
import fr.dataterritoires.portal.application.PriorityView;
import fr.dataterritoires.portal.application.RoadmapView;
import fr.dataterritoires.portal.application.Roadmaps;
import fr.dataterritoires.portal.domain.FrenchNumbers;
import fr.dataterritoires.portal.domain.ItemDraft;

/**
 * {@link Roadmaps} on the roadmaps service's REST API ({@code /api/roadmaps…}, {@code /api/priorities}; the paths here
 * are relative to the API's root, the service's {@code /api} or the gateway's {@code /api/roadmaps}). What the user
 * typed goes as typed (blank: absent): the service judges it and names the refused fields.
 */
@Component
public class RestRoadmaps implements Roadmaps {

    static final String SERVICE = "roadmaps";

    private final ServiceClients clients;

    public RestRoadmaps(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public List<RoadmapView> list(RoadmapFilter filter) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        add(query, "kind", filter.kind());
        add(query, "region", filter.regionCode());
        add(query, "ministry", filter.ministry());
        if (filter.statuses() != null) {
            filter.statuses().forEach(s -> query.add("status", s));
        }
        query.add("limit", "500");
        String uri = UriComponentsBuilder.fromPath("/roadmaps").queryParams(query).encode().build().toUriString();
        return call(client -> client.get().uri(uri).retrieve()
                .body(new ParameterizedTypeReference<List<RoadmapView>>() {
                }));
    }

    @Override
    public RoadmapView roadmap(UUID id) {
        return call(client -> client.get().uri("/roadmaps/{id}", id).retrieve().body(RoadmapView.class));
    }

    @Override
    public FinancialSectionView financialSection(UUID id) {
        return call(client -> client.get().uri("/roadmaps/{id}/financial-section", id).retrieve()
                .body(FinancialSectionView.class));
    }

    @Override
    public RoadmapView createCommitteeRoadmap(String regionCode, String startYear, String endYear, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regionCode", regionCode);
        body.put("startYear", FrenchNumbers.typed(startYear));
        body.put("endYear", FrenchNumbers.typed(endYear));
        body.put("title", typed(title));
        return post("/roadmaps/committee", body);
    }

    @Override
    public RoadmapView createMinisterialSection(String ministry, String year, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ministry", ministry);
        body.put("year", FrenchNumbers.typed(year));
        body.put("title", typed(title));
        return post("/roadmaps/ministerial", body);
    }

    @Override
    public RoadmapView addItem(UUID id, long version, ItemDraft item) {
        Map<String, Object> body = new LinkedHashMap<>(item.body());
        body.put("version", version);
        return post("/roadmaps/" + id + "/items", body);
    }

    @Override
    public RoadmapView replaceItem(UUID id, long version, UUID itemId, ItemDraft item) {
        Map<String, Object> body = new LinkedHashMap<>(item.body());
        body.put("version", version);
        // the service's PUT replaces the tracking too (absent: planned, 0 %), which the item form does not show: the
        // item keeps the status and progress it has (read now; a change since the form's version is refused anyway)
        roadmap(id).item(itemId).ifPresent(current -> {
            body.put("status", current.status());
            body.put("progress", current.ownProgress());
        });
        return call(client -> client.put().uri("/roadmaps/{id}/items/{itemId}", id, itemId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(RoadmapView.class));
    }

    @Override
    public RoadmapView track(UUID id, long version, UUID itemId, String status, String progress,
                             java.util.List<ItemDraft.MilestoneDraft> milestones) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("status", typed(status));
        body.put("progress", FrenchNumbers.typed(progress));
        if (milestones != null) {
            body.put("milestones", milestones.stream().map(ItemDraft.MilestoneDraft::body).toList());
        }
        return post("/roadmaps/" + id + "/items/" + itemId + "/tracking", body);
    }

    @Override
    public RoadmapView submit(UUID id, long version) {
        return post("/roadmaps/" + id + "/submission", Map.of("version", version));
    }

    @Override
    public RoadmapView reopen(UUID id, long version) {
        return post("/roadmaps/" + id + "/reopening", Map.of("version", version));
    }

    @Override
    public RoadmapView startReview(UUID id, long version) {
        return post("/roadmaps/" + id + "/review", Map.of("version", version));
    }

    @Override
    public RoadmapView requestChanges(UUID id, long version, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("reason", typed(reason));
        return post("/roadmaps/" + id + "/change-request", body);
    }

    @Override
    public RoadmapView arbitrate(UUID id, long version, List<GrantDecision> decisions) {
        List<Map<String, Object>> sent = new ArrayList<>();
        for (GrantDecision d : decisions) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("itemId", d.itemId());
            decision.put("grantedAmount", FrenchNumbers.typed(d.grantedAmount()));
            decision.put("grantedFte", FrenchNumbers.typed(d.grantedFte()));
            decision.put("reason", typed(d.reason()));
            sent.add(decision);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("decisions", sent);
        return post("/roadmaps/" + id + "/arbitration", body);
    }

    @Override
    public RoadmapView publish(UUID id, long version) {
        return post("/roadmaps/" + id + "/publication", Map.of("version", version));
    }

    @Override
    public ConsolidationView consolidation(String period, boolean all) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        add(query, "period", period);
        query.add("scope", all ? "all" : "published");
        String uri = UriComponentsBuilder.fromPath("/roadmaps/consolidation").queryParams(query).encode().build()
                .toUriString();
        return call(client -> client.get().uri(uri).retrieve().body(ConsolidationView.class));
    }

    @Override
    public List<PriorityView> priorities(String level, String regionCode) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        add(query, "level", level);
        add(query, "region", regionCode);
        // the service's largest page; every page is read, the portal shows the whole list
        return EveryPage.read(500, (limit, offset) -> {
            String uri = UriComponentsBuilder.fromPath("/priorities").queryParams(query)
                    .queryParam("limit", limit).queryParam("offset", offset).encode().build().toUriString();
            return call(client -> client.get().uri(uri).retrieve()
                    .body(new ParameterizedTypeReference<List<PriorityView>>() {
                    }));
        });
    }

    @Override
    public PriorityView declarePriority(PriorityDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", "NATIONAL");
        body.put("subject", typed(draft.subject()));
        body.put("title", typed(draft.title()));
        body.put("datasetReference", typed(draft.datasetReference()));
        body.put("theme", typed(draft.theme()));
        body.put("targetAccessLevel", typed(draft.targetAccessLevel()));
        body.put("targetDate", typed(draft.targetDate()));
        return call(client -> client.post().uri("/priorities").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(PriorityView.class));
    }

    private RoadmapView post(String path, Object body) {
        return call(client -> client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(RoadmapView.class));
    }

    private <T> T call(Function<RestClient, T> request) {
        return clients.call(SERVICE, request);
    }

    private static void add(MultiValueMap<String, String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name, value.strip());
        }
    }

    /** What was typed, blank as absent. */
    private static String typed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
