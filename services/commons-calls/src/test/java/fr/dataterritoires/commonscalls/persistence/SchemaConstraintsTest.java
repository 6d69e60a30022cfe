package fr.dataterritoires.commonscalls.persistence;

import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;

/** The database holds the invariants too, whatever writes to it. */
@ServiceTest
class SchemaConstraintsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseRefusesWhatTheDomainRefuses() {
        Api api = new Api(port);
        String callId = api.openCall(Api.callBody(api.demoFunder(), "COMMONS", null, "100000.00", "80000.00", "0.00"));
        UUID call = UUID.fromString(callId);
        String applicationId = api.submitted(Api.applicationBody(callId, "50000.00", Api.MEMBER));
        UUID application = UUID.fromString(applicationId);

        // awards beyond the budget
        assertThatThrownBy(() -> jdbc.sql("UPDATE call SET awarded_total = budget + 0.01 WHERE id = :id")
                .param("id", call).update()).isInstanceOf(DataIntegrityViolationException.class);
        // an innovation call without a programme (no préciput rate)
        assertThatThrownBy(() -> jdbc.sql("UPDATE call SET kind = 'INNOVATION' WHERE id = :id").param("id", call)
                .update()).isInstanceOf(DataIntegrityViolationException.class);
        // two leads in a consortium
        assertThatThrownBy(() -> jdbc.sql("UPDATE consortium_member SET role = 'LEAD' WHERE application_id = :id")
                .param("id", application).update()).isInstanceOf(DataIntegrityViolationException.class);
        // a bad SIREN, a negative amount, an unknown status
        assertThatThrownBy(() -> jdbc.sql("UPDATE consortium_member SET siren = '12345' WHERE application_id = :id")
                .param("id", application).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE application SET requested_amount = -1 WHERE id = :id")
                .param("id", application).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE application SET status = 'GAGNE' WHERE id = :id")
                .param("id", application).update()).isInstanceOf(DataIntegrityViolationException.class);
        // one award per application
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        api.post("/api/applications/" + applicationId + "/award", FUNDER,
                java.util.Map.of("amount", "50000.00", "reason", "Lauréat.")).status(201);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO award (id, application_id, call_id, amount, reason, granted_at) "
                + "VALUES (:id, :application, :call, 1.00, 'double', now())").param("id", UUID.randomUUID())
                .param("application", application).param("call", call).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // a préciput rate above 100 %
        String programme = api.programme(FUNDER, api.demoFunder(), "0.05");
        assertThatThrownBy(() -> jdbc.sql("UPDATE programme SET preciput_rate = 1.5 WHERE id = :id")
                .param("id", UUID.fromString(programme)).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
