package fr.dataterritoires.portal.integration;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import fr.dataterritoires.portal.application.InitiativeViews.Initiative;
import fr.dataterritoires.portal.application.InitiativeViews.Page;
import fr.dataterritoires.portal.application.ReplicatedInitiatives;

/** {@link ReplicatedInitiatives} on replication's REST API ({@code /initiatives}). */
@Component
public class RestReplicatedInitiatives implements ReplicatedInitiatives {

    static final String SERVICE = "replication";

    private final ServiceClients clients;

    public RestReplicatedInitiatives(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Initiative> initiatives(String maturity) {
        return clients.call(SERVICE, c -> c.get().uri(u -> {
            u.path("/initiatives").queryParam("limit", 200);
            if (maturity != null && !maturity.isBlank()) {
                u.queryParam("maturity", maturity);
            }
            return u.build();
        }).retrieve().body(new ParameterizedTypeReference<List<Initiative>>() {
        }));
    }

    @Override
    public Page initiative(String id) {
        return clients.call(SERVICE, c -> c.get().uri("/initiatives/{id}", id).retrieve().body(Page.class));
    }
}
