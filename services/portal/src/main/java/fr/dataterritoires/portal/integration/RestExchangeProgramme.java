package fr.dataterritoires.portal.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import fr.dataterritoires.portal.application.ExchangeProgramme;
import fr.dataterritoires.portal.application.ExchangeViews.Application;
import fr.dataterritoires.portal.application.ExchangeViews.Enrolment;
import fr.dataterritoires.portal.application.ExchangeViews.Offer;
import fr.dataterritoires.portal.application.ExchangeViews.Training;
import fr.dataterritoires.portal.domain.FormValues;

/** {@link ExchangeProgramme} on exchanges' REST API ({@code /offers}, {@code /trainings}, {@code /me}). */
@Component
public class RestExchangeProgramme implements ExchangeProgramme {

    static final String SERVICE = "exchanges";

    private final ServiceClients clients;

    public RestExchangeProgramme(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Offer> offers(String region) {
        return call(c -> c.get().uri(u -> {
            u.path("/offers").queryParam("status", "PUBLISHED");
            if (region != null && !region.isBlank()) {
                u.queryParam("region", region.strip());
            }
            return u.build();
        }).retrieve().body(new ParameterizedTypeReference<List<Offer>>() {
        }));
    }

    @Override
    public Offer offer(String id) {
        return call(c -> c.get().uri("/offers/{id}", id).retrieve().body(Offer.class));
    }

    @Override
    public Application apply(String offerId, FormValues form) {
        Map<String, Object> body = FormBodies.fields(form, "employerSide", "employerRegionCode", "employerMinistry",
                "startDate", "endDate", "motivation");
        body.put("agent", FormBodies.row(form, "agent.", "name", "email", "category"));
        return call(c -> c.post().uri("/offers/{id}/applications", offerId).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Application.class));
    }

    @Override
    public List<Application> myApplications() {
        return call(c -> c.get().uri("/me/applications").retrieve()
                .body(new ParameterizedTypeReference<List<Application>>() {
                }));
    }

    @Override
    public List<Training> trainings() {
        return call(c -> c.get().uri("/trainings").retrieve()
                .body(new ParameterizedTypeReference<List<Training>>() {
                }));
    }

    @Override
    public Enrolment enrol(String trainingId, FormValues form) {
        Map<String, Object> body = new LinkedHashMap<>(FormBodies.fields(form, "name", "email", "learnerCategory",
                "employerSide", "regionCode"));
        // an agent's category already says the side of their employer, which exchanges wants as well: not asked twice
        if (!body.containsKey("employerSide")) {
            String side = switch (String.valueOf(body.get("learnerCategory"))) {
                case "STATE_AGENT" -> "STATE";
                case "TERRITORIAL_AGENT" -> "TERRITORIAL";
                default -> null;
            };
            if (side != null) {
                body.put("employerSide", side);
            }
        }
        return call(c -> c.post().uri("/trainings/{id}/enrolments", trainingId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Enrolment.class));
    }

    @Override
    public List<Enrolment> myEnrolments() {
        return call(c -> c.get().uri("/me/enrolments").retrieve()
                .body(new ParameterizedTypeReference<List<Enrolment>>() {
                }));
    }

    @Override
    public String myDataExport() {
        // read as JSON and written again: as a String, the JSON converter would refuse the object exchanges answers
        tools.jackson.databind.JsonNode data = call(c -> c.get().uri("/me/personal-data").retrieve()
                .body(tools.jackson.databind.JsonNode.class));
        return clients.json().writerWithDefaultPrettyPrinter().writeValueAsString(data);
    }

    @Override
    public void eraseMyData() {
        call(c -> c.delete().uri("/me/personal-data").retrieve().toBodilessEntity());
    }

    private <T> T call(java.util.function.Function<RestClient, T> request) {
        return clients.call(SERVICE, request);
    }
}
