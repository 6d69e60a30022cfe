package fr.dataterritoires.roadmaps.support;

import java.util.List;
import java.util.Map;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.TestIssuer;

import tools.jackson.databind.JsonNode;

/** The service's REST API over real HTTP ({@link HttpApi}), with the tokens and set-up shortcuts its tests share. */
public final class Api extends HttpApi {

    public static final String COORDINATOR = TestIssuer.token(Role.NATIONAL_COORDINATOR);
    /** Committee member of région 84 (Auvergne-Rhône-Alpes). */
    public static final String COMMITTEE_84 = TestIssuer.token(Role.COMMITTEE_MEMBER);
    /** Committee member of région 11 (Île-de-France). */
    public static final String COMMITTEE_11 = TestIssuer.token(DevUsers.demo(Role.COMMITTEE_MEMBER)
            .withSubject("demo-comite-11").withRegion("11"));
    /** Ministry officer of MTECT. */
    public static final String MTECT = TestIssuer.token(Role.MINISTRY_OFFICER);
    /** Ministry officer of another ministry. */
    public static final String MEF = TestIssuer.token(DevUsers.demo(Role.MINISTRY_OFFICER)
            .withSubject("demo-ministere-mef").withMinistry("MEF"));

    public Api(int port) {
        super(port);
    }

    /** The committee of the région, created by a coordinator when missing. */
    public String committee(String region) {
        for (JsonNode c : get("/api/governance/committees", COORDINATOR).ok().json()) {
            if (c.path("regionCode").asString().equals(region)) {
                return c.path("id").asString();
            }
        }
        return post("/api/governance/committees", COORDINATOR, Map.of("regionCode", region,
                "name", "Comité territorial de la donnée " + region, "relevantTerritory", List.of()))
                .status(201).json().path("id").asString();
    }
}
