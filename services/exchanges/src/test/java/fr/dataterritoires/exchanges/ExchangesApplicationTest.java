package fr.dataterritoires.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.exchanges.support.Api;
import fr.dataterritoires.exchanges.support.ServiceTest;

/** The service starts against real backends, answers its health probe and documents its API. */
@ServiceTest
class ExchangesApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsAndDocumentsItsApi() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health/readiness", null).ok().body()).contains("UP");
        assertThat(api.get("/v3/api-docs", null).ok().body()).contains("/api/offers/{id}/applications",
                "/api/applications/{id}/employer-decision", "/api/placements/{id}/agreement/acceptance",
                "/api/trainings/{id}/enrolments", "/api/me/personal-data", "/api/statistics/reciprocity");
        assertThat(api.get("/actuator/prometheus", null).ok().body()).contains("dt_exchanges_applications_total",
                "dt_exchanges_placements_completed_total", "dt_exchanges_acceptances_full_total",
                "dt_exchanges_persons_erased_total");
    }
}
