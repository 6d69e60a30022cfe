package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.dataterritoires.platform.errors.ProblemTypes;
import fr.dataterritoires.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An environment that exposes more actuator endpoints than the platform's three: they stay closed
 * to every actor, whatever their role, unless a service rule opens them.
 */
@SpringBootTest(classes = PlatformWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "dataterritoires.security.issuer=" + TestKeys.ISSUER,
                "management.endpoints.web.exposure.include=health,info,prometheus,env,loggers",
                "dataterritoires.security.dev-issuer.enabled=false"})
class ActuatorExposureTest extends AbstractWebTest {

    @Test
    void exposedEnvIsDeniedToTheCoordinatorAndNeedsATokenFirst() {
        assertProblem(http.get("/actuator/env", token(Role.NATIONAL_COORDINATOR)), 403, ProblemTypes.ACCES_REFUSE,
                "/actuator/env");
        assertProblem(http.get("/actuator/env", null), 401, ProblemTypes.NON_AUTHENTIFIE, "/actuator/env");
        assertThat(http.get("/actuator/loggers", token(Role.NATIONAL_COORDINATOR)).status()).isEqualTo(403);
        assertThat(http.get("/actuator", token(Role.NATIONAL_COORDINATOR)).status()).isEqualTo(403);
    }

    @Test
    void healthInfoAndPrometheusStayAnonymous() {
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/info", null).status()).isEqualTo(200);
    }
}
