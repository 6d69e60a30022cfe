package fr.dataterritoires.replication.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.dataterritoires.replication.support.Api;
import fr.dataterritoires.replication.support.ServiceTest;

import tools.jackson.databind.JsonNode;

/** The database holds the invariants too, whatever code writes to it. */
@ServiceTest
class SchemaConstraintsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void lineageCyclesStepsOutOfOrderAndEditedHistoryAreRefusedByTheDatabase() {
        Api api = new Api(port);
        JsonNode initiative = api.validatedInitiative(Api.LYON_SIREN, "Contraintes " + System.nanoTime(),
                List.of("69123"));
        String id = initiative.path("id").asString();
        String a = api.post("/api/replications", Api.COORDINATOR, Map.of("initiativeId", id, "adopterSiren",
                Api.LYON_SIREN, "territories", List.of("69266"))).status(201).json().path("id").asString();
        String b = api.post("/api/replications", Api.COORDINATOR, Map.of("initiativeId", id, "basedOn", a,
                "adopterSiren", Api.LYON_SIREN, "territories", List.of("38185"))).status(201).json().path("id")
                .asString();

        // a cycle written behind the application's back
        assertThatThrownBy(() -> jdbc.update("UPDATE replication SET based_on = ?::uuid WHERE id = ?::uuid", b, a))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("descend");
        // a step skipping a rung, and history rewritten
        assertThatThrownBy(() -> jdbc.update("INSERT INTO maturity_step (initiative_id, seq, from_maturity, to_maturity, "
                + "taken_at, actor, justification, evidence) VALUES (?::uuid, 2, 'VALIDATED', 'REPLICATED', now(), 'x', "
                + "'x', '[\"x\"]')", id)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE maturity_step SET justification = 'autre' WHERE initiative_id = "
                + "?::uuid", id)).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        // a live replication without its date, an abandoned one without a reason, money without cents rule
        assertThatThrownBy(() -> jdbc.update("UPDATE replication SET status = 'LIVE' WHERE id = ?::uuid", a))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE replication SET status = 'ABANDONED', abandoned_on = ? WHERE id = "
                + "?::uuid", LocalDate.now(), a)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO support_action (id, initiative_id, kind, provider_siren, "
                + "received_on, recorded_at) VALUES (gen_random_uuid(), ?::uuid, 'FUNDING', '200046977', now(), now())",
                id)).isInstanceOf(DataAccessException.class);
        // a replica based on a replication of another initiative
        String other = api.validatedInitiative(Api.LYON_SIREN, "Autre " + System.nanoTime(), List.of("69123"))
                .path("id").asString();
        assertThatThrownBy(() -> jdbc.update("INSERT INTO replication (id, initiative_id, based_on, adopter_siren, "
                + "territories, status, interested_on) VALUES (gen_random_uuid(), ?::uuid, ?::uuid, '200046977', "
                + "'{commune:69123}', 'INTERESTED', now())", other, a)).isInstanceOf(DataAccessException.class);
    }
}
