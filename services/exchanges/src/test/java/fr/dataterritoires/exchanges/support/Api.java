package fr.dataterritoires.exchanges.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP ({@link HttpApi}), with the tokens and shortcuts its tests share. */
public final class Api extends HttpApi {

    /** A commune (local authority) hosting State agents, and the State service hosting territorial agents. */
    public static final String COMMUNE_SIREN = "213800006";
    public static final String STATE_SIREN = "180060006";
    public static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);

    public Api(int port) {
        super(port);
    }

    /** A fresh SIREN (valid Luhn key) no other test uses, starting with {@code prefix} (1: State, 2: territorial). */
    public static String newSiren(char prefix) {
        String eight = prefix + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(),
                10_000_000L));
        return Siren.withCheckDigit(eight).toString();
    }

    public static String manager(String siren) {
        return TestIssuer.token(new DevTokenRequest("manager-" + siren, "Gestionnaire " + siren,
                Set.of(Role.HOST_MANAGER), null, null, siren, null));
    }

    public static String agent(String subject, String employerSiren) {
        return TestIssuer.token(new DevTokenRequest(subject, "Agent " + subject, Set.of(Role.AGENT), null, null,
                employerSiren, null));
    }

    /** A published offer of {@code hostSiren} (a local authority when it starts with 2, a State service otherwise). */
    public String publishedOffer(String hostSiren, int capacity, LocalDate from, LocalDate to) {
        boolean local = hostSiren.startsWith("2");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hostSiren", hostSiren);
        body.put("hostType", local ? "LOCAL_AUTHORITY" : "STATE_SERVICE");
        body.put("hostName", local ? "Commune d'accueil" : "Direction régionale d'accueil");
        body.put("regionCode", "84");
        if (!local) {
            body.put("ministry", "MTECT");
        }
        body.put("title", "Découvrir la donnée " + (local ? "territoriale" : "de l'État"));
        body.put("topics", List.of("mobilité", "urbanisme"));
        body.put("activities", "Participer à l'ouverture des données de mobilité.");
        body.put("learningOutcomes", "Le cycle de vie d'un jeu de données publié.");
        body.put("minDays", 1);
        body.put("maxDays", 30);
        body.put("windows", List.of(Map.of("startDate", from.toString(), "endDate", to.toString())));
        body.put("capacity", capacity);
        body.put("workMode", "HYBRID");
        body.put("place", "Lyon");
        String token = manager(hostSiren);
        String id = post("/api/offers", token, body).status(201).json().path("id").asString();
        post("/api/offers/" + id + "/publication", token, null).ok();
        return id;
    }

    public static Map<String, Object> application(String name, String side, LocalDate start, LocalDate end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent", Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@exemple.gouv.fr",
                "category", "A"));
        body.put("employerSide", side);
        body.put("employerRegionCode", "84");
        if (side.equals("STATE")) {
            body.put("employerMinistry", "MEF");
        }
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("motivation", "Motivation de " + name + " : comprendre l'autre versant.");
        return body;
    }

    public JsonNode decide(String path, String token, boolean approve, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approve", approve);
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(path, token, body).ok().json();
    }
}
