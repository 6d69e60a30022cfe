package fr.dataterritoires.datasetsearch.web.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.application.demand.PriorityDeclarationService;
import fr.dataterritoires.datasetsearch.application.demand.UnansweredSearches;
import fr.dataterritoires.datasetsearch.demand.DemandFixtures;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityDeclaration;
import fr.dataterritoires.datasetsearch.domain.demand.PriorityScope;
import fr.dataterritoires.datasetsearch.support.ServiceTest;
import fr.dataterritoires.platform.testsupport.HttpApi;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.platform.security.Role;

import tools.jackson.databind.JsonNode;

/** "Most demanded, not yet open" lists and unanswered searches over REST, on the real database. */
@ServiceTest
class DemandListsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    DatasetRepository datasets;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PriorityDeclarationService declarations;
    @Autowired
    UnansweredSearches unanswered;

    DemandFixtures fixtures;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new DemandFixtures(datasets, transactions, jdbc, port);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void mostDemandedListsWhatIsNotOpenByDemandNationallyAndPerTerritory() {
        // Lyon (commune 69123, Rhône, Auvergne-Rhône-Alpes); Marseille's département 13 elsewhere
        Dataset lyon = fixtures.dataset("Réseau de chaleur lyonnais " + tag, AccessLevel.RESTRICTED, "213800006",
                "commune:69123");
        Dataset marseille = fixtures.dataset("Stationnement à Marseille " + tag, AccessLevel.SHARED, "213800006",
                "departement:13");
        Dataset open = fixtures.dataset("Bornes ouvertes " + tag, AccessLevel.OPEN, "213800006", "commune:69123");

        declare("a", "region:84", lyon.id().toString(), "Réseau de chaleur");
        declare("b", "region:84", lyon.id().toString(), "Réseau de chaleur");
        declare("c", "region:84", lyon.id().toString(), "Réseau de chaleur");
        declare("d", null, marseille.id().toString(), "Stationnement");
        declare("e", "commune:69123", open.id().toString(), "Bornes");
        declare("f", "commune:69123", open.id().toString(), "Bornes");
        declare("g", "departement:69", null, "Cadastre solaire " + tag);
        declare("h", "departement:69", null, "cadastre  SOLAIRE " + tag);
        String withdrawn = null;
        for (int i = 0; i < 3; i++) {
            HttpApi.Response request = fixtures.post("/api/access-requests", TestIssuer.token(Role.APPLICANT), Map.of(
                    "datasetId", marseille.id().toString(), "requesterName", "Jeanne Martin",
                    "requesterEmail", "jeanne@exemple.fr", "purpose", "Étude du stationnement",
                    "wishedStart", "2027-01-01", "wishedEnd", "2027-06-30")).status(201);
            withdrawn = request.json().path("id").asString();
        }
        // a withdrawn request is no longer demand
        fixtures.post("/api/access-requests/" + withdrawn + "/withdrawal", TestIssuer.token(Role.APPLICANT), null)
                .ok();

        // nationally: Lyon 3 declarations (15), Cadastre 2 declarations (10), Marseille 1 national + 2 requests (7)
        List<String> national = titles(fixtures.get("/api/demand/most-demanded?limit=100", null));
        assertThat(national).containsSubsequence("Réseau de chaleur lyonnais " + tag, "Cadastre solaire " + tag,
                "Stationnement à Marseille " + tag);
        assertThat(national).doesNotContain("Bornes ouvertes " + tag);
        JsonNode marseilleEntry = entry(fixtures.get("/api/demand/most-demanded?limit=100", null), marseille);
        assertThat(marseilleEntry.path("priorityDeclarations").asInt()).isEqualTo(1);
        assertThat(marseilleEntry.path("nationalPriority").asBoolean()).isTrue();
        assertThat(marseilleEntry.path("accessRequests").asInt()).isEqualTo(2);
        assertThat(marseilleEntry.path("accessLevel").asString()).isEqualTo("SHARED");

        // a commune of Lyon sees its région's priorities and its département's, not Marseille's nor national ones
        List<String> commune = titles(fixtures.get("/api/demand/most-demanded?territory=commune:69123&limit=100", null));
        assertThat(commune).containsSubsequence("Réseau de chaleur lyonnais " + tag, "Cadastre solaire " + tag)
                .doesNotContain("Stationnement à Marseille " + tag);
        // the région sees what was declared inside it
        assertThat(titles(fixtures.get("/api/demand/most-demanded?territory=region:84&limit=100", null)))
                .contains("Réseau de chaleur lyonnais " + tag, "Cadastre solaire " + tag);
        // Marseille's département sees the requests for its dataset, not Lyon's priorities
        List<String> bouchesDuRhone = titles(fixtures.get("/api/demand/most-demanded?territory=departement:13", null));
        assertThat(bouchesDuRhone).contains("Stationnement à Marseille " + tag)
                .doesNotContain("Réseau de chaleur lyonnais " + tag);
        JsonNode inMarseille = entry(fixtures.get("/api/demand/most-demanded?territory=departement:13&limit=100",
                null), marseille);
        assertThat(inMarseille.path("priorityDeclarations").asInt()).as("national declarations left out").isZero();
        assertThat(inMarseille.path("accessRequests").asInt()).isEqualTo(2);

        fixtures.get("/api/demand/most-demanded?territory=lyon", null).problem(400, "territory");
        fixtures.get("/api/demand/most-demanded?limit=0", null).problem(400, "limit");
    }

    @Test
    void aDeclaredReferenceHarvestedLaterIsLinkedToItsDataset() {
        String uri = "https://catalogue.exemple.fr/jeux/pas-encore-moissonne-" + tag;
        declare("later", "commune:69123", uri, "Plan de mobilité " + tag);
        assertThat(titles(fixtures.get("/api/demand/most-demanded?limit=100", null))).contains("Plan de mobilité " + tag);

        Dataset harvested = fixtures.datasetAt(uri, "Plan de mobilité employeur " + tag, AccessLevel.RESTRICTED, null);
        assertThat(fixtures.reload(harvested.id()).demand().priorityDeclarations()).isZero();
        assertThat(declarations.resolvePending(500)).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.reload(harvested.id()).demand().priorityDeclarations()).isEqualTo(1);
        JsonNode linked = entry(fixtures.get("/api/demand/most-demanded?territory=commune:69123&limit=100", null),
                harvested);
        assertThat(linked.path("inCatalogue").asBoolean()).isTrue();
        assertThat(titles(fixtures.get("/api/demand/most-demanded?limit=100", null)))
                .doesNotContain("Plan de mobilité " + tag);
    }

    @Test
    void unansweredSearchesAreCountedPerNormalisedQueryAndTerritory() {
        String words = "Îlots de chaleur " + tag;
        unanswered.record(words, null, Instant.parse("2026-06-01T10:00:00Z"));
        unanswered.record("  ILOTS   de  chaleur " + tag.toUpperCase() + " ", null, Instant.parse("2026-06-03T10:00:00Z"));
        unanswered.record("îlots de chaleur " + tag, null, Instant.parse("2026-05-20T10:00:00Z"));
        unanswered.record(words, "commune:69123", Instant.parse("2026-06-02T10:00:00Z"));
        unanswered.record("écrire à jean.dupont@exemple.fr " + tag, null, Instant.parse("2026-06-02T10:00:00Z"));

        String coordinator = TestIssuer.token(Role.NATIONAL_COORDINATOR);
        JsonNode all = fixtures.get("/api/demand/unanswered-searches?limit=500", coordinator).json();
        JsonNode everywhere = find(all, "ilots de chaleur " + tag, null);
        assertThat(everywhere.path("count").asInt()).isEqualTo(3);
        assertThat(everywhere.path("firstSeen").asString()).isEqualTo("2026-05-20T10:00:00Z");
        assertThat(everywhere.path("lastSeen").asString()).isEqualTo("2026-06-03T10:00:00Z");
        assertThat(find(all, "ilots de chaleur " + tag, "commune:69123").path("count").asInt()).isEqualTo(1);
        assertThat(all.toString()).doesNotContain("dupont").contains("ecrire a courriel " + tag);

        JsonNode lyon = fixtures.get("/api/demand/unanswered-searches?territory=commune:69123", coordinator).json();
        assertThat(lyon.valueStream().map(n -> n.path("territory").asString()).distinct().toList())
                .containsExactly("commune:69123");

        fixtures.get("/api/demand/unanswered-searches", TestIssuer.token(Role.APPLICANT)).problem(403);
        assertThat(fixtures.get("/api/demand/unanswered-searches", null).status()).isEqualTo(401);
        fixtures.get("/api/demand/unanswered-searches?territory=commune", coordinator).problem(400, "territory");
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'unanswered_search'", String.class))
                .containsExactlyInAnyOrder("query", "territory", "count", "first_seen", "last_seen");
    }

    private void declare(String item, String territory, String reference, String title) {
        PriorityDeclaration declaration = new PriorityDeclaration("fdr-" + tag, item, "84",
                territory == null ? PriorityScope.NATIONAL : PriorityScope.TERRITORIAL,
                territory == null ? Set.of() : Set.of(TerritoryRef.parse(territory)), reference, title,
                AccessLevel.OPEN, LocalDate.of(2027, 12, 31));
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(
                s -> declarations.declare(declaration, UUID.randomUUID(), Instant.now(), "/dataterritoires/roadmaps"));
    }

    private static List<String> titles(HttpApi.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().map(n -> n.path("title").asString()).toList();
    }

    private static JsonNode entry(HttpApi.Response list, Dataset dataset) {
        return list.json().valueStream().filter(n -> n.path("datasetId").asString().equals(dataset.id().toString()))
                .findFirst().orElseThrow();
    }

    private static JsonNode find(JsonNode list, String query, String territory) {
        return list.valueStream().filter(n -> n.path("query").asString().equals(query)
                        && (territory == null ? !n.has("territory") : territory.equals(n.path("territory").asString())))
                .findFirst().orElseThrow(() -> new AssertionError(query + " / " + territory + " not in " + list));
    }
}
