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
}
