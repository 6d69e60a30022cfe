package fr.dataterritoires.datasetsearch.contracts.verification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpServer;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.demand.AccessRequestService;
import fr.dataterritoires.datasetsearch.application.demand.SubmitAccessRequest;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestRuns;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestService;
import fr.dataterritoires.datasetsearch.application.harvest.HarvestSources;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.testing.contracts.HttpPactVerification;

/**
 * dataset-search honours the portal's HTTP pact (libs/contracts/pacts/portal-dataset-search.json,
 * docs/adr/0015-contract-tests.md): each interaction is replayed against the whole service on real PostgreSQL,
 * RabbitMQ and Elasticsearch. The provider states create their data through the application layer: the catalogue
 * by harvesting a DCAT source ({@code contracts/portal-catalogue.ttl}, served on loopback) with the service's own
 * harvest, the access request through {@link AccessRequestService} as the applicant the token names.
 * {@code contracts.breakage.BrokenAnswersFailVerificationTest} shows that an answer breaking the pact fails this
 * verification.
 */
@ServiceTest
@Provider("dataset-search")
public class PortalPactVerificationTest extends HttpPactVerification {

    static final String SOURCE = "contrat-portail";
    /** Record keys: the datasets' URIs in the file. */
    static final String OPEN_RECORD = "https://contrats.exemple.fr/jeux/bal-lyon";
    static final String RESTRICTED_RECORD = "https://contrats.exemple.fr/jeux/eau-lyon";

    @LocalServerPort
    int port;
    @Autowired
    HarvestSources sources;
    @Autowired
    HarvestService harvest;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    AccessRequestService accessRequests;
    @Autowired
    HarvestRuns runs;

    @Override
    protected int port() {
        return port;
    }

    @State("an open dataset of Lyon's local addresses and a restricted one are catalogued")
    public Map<String, Object> catalogued() {
        if (datasets.findByProvenance(SOURCE, OPEN_RECORD).isEmpty()) {
            harvestTheCatalogue();
        }
        return Map.of("openDatasetId", id(OPEN_RECORD), "restrictedDatasetId", id(RESTRICTED_RECORD),
                "harvestRunId", runs.ofSource(SOURCE, 1).getFirst().id().toString());
    }

    @State("a national coordinator is signed in")
    public void coordinatorSignedIn() {
        signIn(TestIssuer.token(Role.NATIONAL_COORDINATOR));
    }

    /** A source of its own for each start: a run in progress would refuse the next one (409). */
    @State("a DCAT source not harvested yet")
    public Map<String, Object> sourceToHarvest() {
        String id = "contrat-moisson-" + UUID.randomUUID().toString().substring(0, 8);
        // nothing listens there: the run started in the background fails at once, touching no dataset
        sources.create(new HarvestSource(id, "Catalogue à moissonner", SourceKind.DCAT,
                URI.create("http://127.0.0.1:9/catalogue.ttl"), null, true, AccessLevel.OPEN, null),
                "pact-verification");
        return Map.of("sourceId", id);
    }

    @State("an applicant is signed in")
    public void applicantSignedIn() {
        signIn(TestIssuer.token(Role.APPLICANT));
    }

    @State("the applicant has asked for access to the restricted dataset")
    public void applicantHasAsked() {
        DevTokenRequest applicant = DevUsers.demo(Role.APPLICANT);
        accessRequests.submit(new DtPrincipal(applicant.subject(), applicant.name(), applicant.roles(),
                applicant.region(), applicant.ministry(), applicant.siren()), new SubmitAccessRequest(
                id(RESTRICTED_RECORD), null, applicant.name(), "nathan.richard@exemple.fr",
                "Étude des consommations d'eau par quartier", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                null));
    }

    private String id(String record) {
        return datasets.findByProvenance(SOURCE, record).map(Dataset::id).orElseThrow(() -> new AssertionError(
                "the harvest of " + SOURCE + " gave no dataset for " + record)).toString();
    }

    /** The catalogue file as a DCAT source publishes it, harvested once in the calling thread (indexed when it ends). */
    private void harvestTheCatalogue() {
        byte[] catalogue;
        try (var in = getClass().getResourceAsStream("/contracts/portal-catalogue.ttl")) {
            catalogue = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/catalogue.ttl", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/turtle");
            exchange.sendResponseHeaders(200, catalogue.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(catalogue);
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/catalogue.ttl");
            if (sources.list().stream().noneMatch(s -> s.id().equals(SOURCE))) {
                sources.create(new HarvestSource(SOURCE, "Catalogue du contrat du portail", SourceKind.DCAT, url, null,
                        true, AccessLevel.OPEN, null), "pact-verification");
            } else {
                HarvestSource known = sources.get(SOURCE);
                sources.update(new HarvestSource(SOURCE, known.name(), SourceKind.DCAT, url, null, true,
                        AccessLevel.OPEN, null), "pact-verification");
            }
            HarvestRun run = harvest.run(SOURCE, HarvestRun.Trigger.ON_DEMAND, "pact-verification");
            if (run.status() != HarvestRun.Status.COMPLETED || run.created() != 2) {
                throw new AssertionError("harvest of " + SOURCE + ": " + run.status() + ", " + run.created()
                        + " new datasets (expected 2), " + run.error());
            }
        } finally {
            server.stop(0);
        }
    }
}
