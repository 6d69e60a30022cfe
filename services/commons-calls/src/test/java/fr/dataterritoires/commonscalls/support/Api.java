package fr.dataterritoires.commonscalls.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP ({@link HttpApi}), with the tokens and set-up shortcuts its tests share. */
public final class Api extends HttpApi {

    public static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);
    /** Funder of the demo SIREN {@value DevUsers#DEMO_FUNDER_SIREN}. */
    public static final String FUNDER = TestIssuer.token(Role.FUNDER);
    public static final String OTHER_FUNDER_SIREN = Siren.withCheckDigit("18004603").value();
    /** Another funder. */
    public static final String OTHER_FUNDER = TestIssuer.token(DevUsers.demo(Role.FUNDER)
            .withSubject("demo-financeur-2").withSiren(OTHER_FUNDER_SIREN));
    /** Applicant of the demo SIREN {@value DevUsers#DEMO_APPLICANT_SIREN}. */
    public static final String APPLICANT = TestIssuer.token(Role.APPLICANT);
    public static final String LEAD = DevUsers.DEMO_APPLICANT_SIREN;
    public static final String MEMBER = Siren.withCheckDigit("21690123").value();
    public static final String EVALUATOR_ORG = Siren.withCheckDigit("19750001").value();

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public Api(int port) {
        super(port);
    }

    /**
     * Levies exactly {@code amount} into the préciput fund: an innovation call of a programme at 100 %, one application
     * awarded {@code amount}. Returns the award id.
     */
    public String levyThroughAward(String amount) {
        String funderId = demoFunder();
        String programme = programme(FUNDER, funderId, "1.0");
        String callId = openCall(callBody(funderId, "INNOVATION", programme, "999999.00", "999999.00", "0.00"));
        Map<String, Object> body = applicationBody(callId, amount);
        body.put("budget", List.of(Map.of("label", "Projet", "amount", "999999.00")));
        String applicationId = submitted(body);
        closeAndEvaluate(callId);
        eligible(applicationId);
        return post("/api/applications/" + applicationId + "/award", FUNDER,
                Map.of("amount", amount, "reason", "Projet d'innovation retenu.")).status(201).json().path("id").asString();
    }

    /** The préciput fund's balance, as its public view shows it. */
    public java.math.BigDecimal fundBalance() {
        return new java.math.BigDecimal(get("/api/preciput/fund", null).ok().json().path("balance").asString());
    }

    /** An evaluator token: subject and organisation SIREN. */
    public static String evaluator(String subject, String siren) {
        return TestIssuer.token(DevUsers.demo(Role.EVALUATOR).withSubject(subject).withRoles(Set.of(Role.EVALUATOR))
                .withSiren(siren));
    }

    /** An applicant token of another organisation. */
    public static String applicant(String siren) {
        return TestIssuer.token(DevUsers.demo(Role.APPLICANT).withSubject("candidat-" + siren).withSiren(siren));
    }

    /** The funder of the token's SIREN, registered when missing. */
    public String funder(String token, String siren) {
        for (JsonNode f : get("/api/funders?siren=" + siren, null).ok().json()) {
            if (f.path("siren").asString().equals(siren)) {
                return f.path("id").asString();
            }
        }
        return post("/api/funders", token, Map.of("name", "Financeur " + siren)).status(201).json().path("id").asString();
    }

    public String demoFunder() {
        return funder(FUNDER, DevUsers.DEMO_FUNDER_SIREN);
    }

    /** A new programme of the funder with this rate. */
    public String programme(String token, String funderId, String rate) {
        return post("/api/funders/" + funderId + "/programmes", token, Map.of("name", "Programme " + unique(),
                "preciputRate", rate)).status(201).json().path("id").asString();
    }

    public static int unique() {
        return SEQUENCE.incrementAndGet();
    }

    /** A call body: open since yesterday, closing in 30 days, 2 criteria, one review per application. */
    public static Map<String, Object> callBody(String funderId, String kind, String programmeId, String budget,
                                               String maxGrant, String minGrant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("funderId", funderId);
        body.put("kind", kind);
        if (programmeId != null) {
            body.put("programmeId", programmeId);
        }
        body.put("title", "Appel à communs de la donnée territoriale n° " + unique());
        body.put("description", "Financer des communs numériques réutilisables par les collectivités.");
        body.put("budget", budget);
        body.put("maxGrant", maxGrant);
        body.put("minGrant", minGrant);
        body.put("coFundingRate", "0.8");
        body.put("opensAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        body.put("closesAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        body.put("decisionDate", LocalDate.now().plusDays(60).toString());
        body.put("applicantTypes", List.of("LOCAL_AUTHORITY", "MUTUALISATION_STRUCTURE", "ASSOCIATION"));
        body.put("minConsortiumSize", 1);
        body.put("territorialScope", List.of());
        body.put("commonsKinds", List.of("SOFTWARE", "STANDARD", "COLLABORATIVE_DATABASE"));
        body.put("requiredDeclarations", List.of("charte-ethique"));
        body.put("reviewsPerApplication", 1);
        body.put("criteria", List.of(
                Map.of("code", "utilite", "label", "Utilité pour les territoires", "weight", 3, "maxScore", 10),
                Map.of("code", "ouverture", "label", "Ouverture et réutilisabilité", "weight", 1, "maxScore", 5)));
        return body;
    }

    /** An open call of the demo funder; returns its id. */
    public String openCall(Map<String, Object> body) {
        String id = post("/api/calls", FUNDER, body).status(201).json().path("id").asString();
        post("/api/calls/" + id + "/open", FUNDER, null).ok();
        return id;
    }

    /** An application body of the demo applicant (lead) and one member. */
    public static Map<String, Object> applicationBody(String callId, String requested, String... memberSirens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", callId);
        List<Map<String, Object>> consortium = new ArrayList<>();
        consortium.add(Map.of("siren", LEAD, "name", "Département de l'Isère", "type", "LOCAL_AUTHORITY", "role", "LEAD"));
        for (String m : memberSirens) {
            consortium.add(Map.of("siren", m, "name", "Membre " + m, "type", "MUTUALISATION_STRUCTURE", "role", "MEMBER"));
        }
        body.put("consortium", consortium);
        body.put("commons", Map.of("title", "Base adresse partagée n° " + unique(), "kind", "SOFTWARE",
                "summary", "Un outil libre de gestion des adresses.", "licence", "EUPL-1.2",
                "repositoryUrl", "https://git.example.fr/adresses", "schemas", List.of("etalab/schema-bal")));
        body.put("requestedAmount", requested);
        body.put("budget", List.of(Map.of("label", "Développement", "amount", "100000.00"),
                Map.of("label", "Animation de la communauté", "amount", "50000.00")));
        body.put("ethicsCharter", "Charte éthique des communs numériques");
        body.put("labels", List.of("Numérique en commun(s)"));
        body.put("sustainabilityPlan", "Gouvernance partagée par une association des utilisateurs.");
        body.put("replicationConditions", "Documentation et accompagnement de deux territoires pilotes.");
        body.put("territories", List.of("38", "38185"));
        body.put("declarations", List.of("charte-ethique"));
        return body;
    }

    /** Creates and submits an application of the demo applicant; returns its id. */
    public String submitted(Map<String, Object> body) {
        String id = post("/api/applications", APPLICANT, body).status(201).json().path("id").asString();
        post("/api/applications/" + id + "/submit", APPLICANT, null).ok();
        return id;
    }

    /** Closes the call, starts its evaluation. */
    public void closeAndEvaluate(String callId) {
        post("/api/calls/" + callId + "/close", FUNDER, null).ok();
        post("/api/calls/" + callId + "/evaluation", FUNDER, null).ok();
    }

    public void eligible(String applicationId) {
        post("/api/applications/" + applicationId + "/eligibility", FUNDER,
                Map.of("eligible", true, "reason", "Toutes les règles de l'appel sont satisfaites.")).ok();
    }

    /** Assigns an evaluator and submits their review with these two scores (utilite /10, ouverture /5). */
    public void reviewed(String applicationId, String subject, int utilite, int ouverture) {
        post("/api/applications/" + applicationId + "/assignments", FUNDER,
                Map.of("evaluatorSubject", subject, "evaluatorSiren", EVALUATOR_ORG)).status(201);
        post("/api/applications/" + applicationId + "/review", evaluator(subject, EVALUATOR_ORG), Map.of("scores", Map.of(
                "utilite", Map.of("value", utilite, "comment", "Utilité démontrée."),
                "ouverture", Map.of("value", ouverture, "comment", "Licence et code ouverts.")))).ok();
    }
}
