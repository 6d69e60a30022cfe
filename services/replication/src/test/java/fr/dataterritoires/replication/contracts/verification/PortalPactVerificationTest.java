package fr.dataterritoires.replication.contracts.verification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.replication.application.InitiativeService;
import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.replication.domain.initiative.CommonsUsed;
import fr.dataterritoires.replication.domain.initiative.Evaluation;
import fr.dataterritoires.replication.domain.initiative.Indicator;
import fr.dataterritoires.replication.domain.initiative.Initiative;
import fr.dataterritoires.replication.domain.initiative.InitiativeContent;
import fr.dataterritoires.replication.domain.initiative.Maturity;
import fr.dataterritoires.replication.domain.initiative.ReplicationKit;
import fr.dataterritoires.replication.support.ServiceTest;
import fr.dataterritoires.testing.contracts.HttpPactVerification;

/**
 * replication honours the portal's HTTP pact (libs/contracts/pacts/portal-replication.json,
 * docs/adr/0015-contract-tests.md): each interaction is replayed against the whole service on real PostgreSQL and
 * RabbitMQ, with the real commons-calls its pages ask for funding. The provider state creates the initiative through
 * {@link InitiativeService}, declared then validated on its independently evaluated indicator by a coordinator.
 * {@code contracts.breakage.BrokenAnswersFailVerificationTest} shows that an answer breaking the pact fails this
 * verification.
 */
@ServiceTest
@Provider("replication")
public class PortalPactVerificationTest extends HttpPactVerification {

    static final DevTokenRequest COORDINATOR = DevUsers.demo(Role.NATIONAL_COORDINATOR);
    static final String LYON = "200046977";

    @LocalServerPort
    int port;
    @Autowired
    InitiativeService initiatives;

    @Override
    protected int port() {
        return port;
    }

    @State("Lyon's initiative has been validated")
    public Map<String, Object> validated() {
        DtPrincipal coordinator = new DtPrincipal(COORDINATOR.subject(), COORDINATOR.name(), COORDINATOR.roles(),
                COORDINATOR.region(), COORDINATOR.ministry(), COORDINATOR.siren());
        Initiative declared = initiatives.create(coordinator, LYON, new InitiativeContent("Covoiturage du quotidien",
                "Les trajets domicile-travail se font seuls en voiture.", "Mobilité",
                Set.of(TerritoryRef.parse("commune:69123", "territories")),
                new CommonsUsed("Covoiturage du quotidien", "SOFTWARE", "https://git.exemple.fr/covoiturage",
                        "EUPL-1.2", List.of("etalab/schema-lieux-covoiturage")),
                List.of(new Indicator("Trajets partagés", "%", new BigDecimal("4.0"), new BigDecimal("11.5"),
                        new Evaluation("Comptages avant/après sur six mois", "Cerema",
                                LocalDate.now().minusMonths(2), "https://www.cerema.fr/rapport", true))),
                "Charte éthique des communs numériques", List.of("Territoire numérique libre"),
                new BigDecimal("45000.00"), List.of("Administration PostgreSQL"),
                new ReplicationKit("https://doc.exemple.fr/kit", List.of(), null, List.of(new ReplicationKit.Contact(
                        "Métropole de Lyon", "Service données", "donnees@exemple.fr")))));
        Initiative validated = initiatives.advance(coordinator, declared.id(), declared.version(), Maturity.VALIDATED,
                "Évaluation indépendante concluante");
        return Map.of("initiativeId", validated.id().toString());
    }
}
