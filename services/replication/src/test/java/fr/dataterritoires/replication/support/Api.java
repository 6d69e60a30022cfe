package fr.dataterritoires.replication.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP ({@link HttpApi}), with the tokens and set-up shortcuts its tests share. */
public final class Api extends HttpApi {

    public static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);
    /** Métropole de Lyon (an EPCI) as an applicant. */
    public static final String LYON_SIREN = "200046977";
    public static final String LYON = applicant(LYON_SIREN);
    public static final String JUROR_A = TestIssuer.token(DevUsers.demo(Role.EVALUATOR).withSubject("jure-a"));
    public static final String JUROR_B = TestIssuer.token(DevUsers.demo(Role.EVALUATOR).withSubject("jure-b"));

    public Api(int port) {
        super(port);
    }

    /** An applicant acting for the organisation {@code siren}. */
    public static String applicant(String siren) {
        return TestIssuer.token(DevUsers.demo(Role.APPLICANT).withSubject("porteur-" + siren).withSiren(siren));
    }

    /** A valid SIREN built from 8 digits. */
    public static String siren(String eightDigits) {
        return Siren.withCheckDigit(eightDigits).value();
    }

    /** An initiative body with one evaluated indicator (evidence for validation) and a complete kit. */
    public static Map<String, Object> initiative(String leadSiren, String title, List<String> territories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadSiren", leadSiren);
        body.put("title", title);
        body.put("problem", "Les usagers ne trouvent pas les horaires en temps réel.");
        body.put("policyDomain", "Mobilité");
        body.put("territories", territories);
        body.put("commons", Map.of("title", title, "kind", "SOFTWARE", "repositoryUrl",
                "https://git.example.fr/" + title.hashCode(), "licence", "EUPL-1.2",
                "dataSchemas", List.of("etalab/schema-lieux-covoiturage")));
        body.put("indicators", List.of(Map.of("name", "Usagers satisfaits", "unit", "%", "before", "41.5",
                "after", "63.0", "evaluation", Map.of("method", "Enquête avant/après auprès de 1 200 usagers",
                        "evaluator", "Cerema", "evaluatedOn", LocalDate.now().minusMonths(2).toString(),
                        "reportUrl", "https://www.cerema.fr/rapport", "independent", true))));
        body.put("ethicsCharter", "Charte éthique des communs numériques");
        body.put("labels", List.of("Territoire numérique libre"));
        body.put("annualRunningCost", "45000.00");
        body.put("skills", List.of("Administration PostgreSQL"));
        body.put("kit", Map.of("documentationUrl", "https://doc.example.fr/kit", "schemas", List.of(),
                "contacts", List.of(Map.of("organisation", "Métropole de Lyon", "function", "Service données",
                        "email", "donnees@example.fr"))));
        return body;
    }

    public JsonNode createInitiative(String token, Map<String, Object> body) {
        return post("/api/initiatives", token, body).status(201).json();
    }

    /** Creates and validates an initiative (as a coordinator, on its evaluated indicator). */
    public JsonNode validatedInitiative(String leadSiren, String title, List<String> territories) {
        JsonNode created = createInitiative(COORDINATOR, initiative(leadSiren, title, territories));
        return post("/api/initiatives/" + created.path("id").asString() + "/maturity", COORDINATOR,
                Map.of("version", created.path("version").asLong(), "maturity", "VALIDATED",
                        "justification", "Évaluation indépendante concluante")).ok().json();
    }

    /** A replication taken to LIVE (as a coordinator); returns the live replication. */
    public JsonNode liveReplication(String initiativeId, String basedOn, String adopterSiren, List<String> territories,
            LocalDate liveOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initiativeId", initiativeId);
        body.put("basedOn", basedOn);
        body.put("adopterSiren", adopterSiren);
        body.put("territories", territories);
        JsonNode r = post("/api/replications", COORDINATOR, body).status(201).json();
        String base = "/api/replications/" + r.path("id").asString();
        r = post(base + "/status", COORDINATOR, Map.of("version", r.path("version").asLong(), "status", "PLANNED",
                "on", liveOn.minusDays(60).toString())).ok().json();
        r = post(base + "/status", COORDINATOR, Map.of("version", r.path("version").asLong(), "status", "IN_PROGRESS",
                "on", liveOn.minusDays(30).toString())).ok().json();
        return post(base + "/status", COORDINATOR, Map.of("version", r.path("version").asLong(), "status", "LIVE",
                "on", liveOn.toString())).ok().json();
    }
}
