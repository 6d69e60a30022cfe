package fr.dataterritoires.replication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.replication.application.RegistryMetrics;
import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.replication.support.ServiceTest;

import io.micrometer.core.instrument.MeterRegistry;

/** The service starts against real backends, answers its health probe, documents its API and exposes its meters. */
@ServiceTest
class ReplicationApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void startsIsReadyAndDocumentsItsApiInFrench() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health/readiness", null).ok().body()).contains("UP");
        String docs = api.get("/v3/api-docs", null).ok().body();
        assertThat(docs).contains("/api/initiatives/{id}/maturity", "/api/replications/{id}/based-on",
                "/api/programme/calls/{id}/selection", "/api/initiatives/suggestions", "Registre des expérimentations",
                "SCALABILITY");
    }

    @Test
    void registersItsBusinessMeters() {
        assertThat(meters.find(RegistryMetrics.INITIATIVES).tag("maturity", "VALIDATED").gauge()).isNotNull();
        assertThat(meters.find(RegistryMetrics.LIVE_NOW).gauge()).isNotNull();
    }

    @Test
    void everyBusinessMeterIsScrapedUnderANameOfItsOwn() {
        Api api = new Api(port);
        // an initiative validated and replicated live: every counter has been incremented once at least
        String initiative = api.validatedInitiative(Api.LYON_SIREN, "Compteur de vélos partagé " + System.nanoTime(),
                java.util.List.of("69123")).path("id").asString();
        api.liveReplication(initiative, null, Api.siren("21380185"), java.util.List.of("38185"), java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")));
        String scrape = api.get("/actuator/prometheus", null).ok().body();
        assertThat(scrape).contains("dt_replication_initiatives_registered_total",
                "dt_replication_maturity_steps_total", "dt_replication_replications_live_total",
                "dt_replication_initiatives{", "dt_replication_live_replications");
    }
}
