package fr.dataterritoires.datasetsearch.persistence.index;

import static fr.dataterritoires.datasetsearch.application.search.TestDatasets.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.application.search.DatasetCard;
import fr.dataterritoires.datasetsearch.application.search.FacetCount;
import fr.dataterritoires.datasetsearch.application.search.Facets;
import fr.dataterritoires.datasetsearch.application.search.Params;
import fr.dataterritoires.datasetsearch.application.search.SearchResults;
import fr.dataterritoires.datasetsearch.application.search.SearchTimeoutException;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.ProducerType;

/**
 * Search against a real Elasticsearch node with the service's mapping, French analysis and synonyms: relevance in
 * French, ranking, territories (real COG codes: Grenoble 38185 in Grenoble-Alpes-Métropole 200040715, Isère 38,
 * Auvergne-Rhône-Alpes 84; Échirolles 38151 is its neighbour in the same EPCI; Lyon 69123 is elsewhere), filters,
 * facets, pagination, intended uses, look-ups and the time budget.
 */
class ElasticsearchDatasetSearchTest {

    static SearchIndexHarness harness;

    static Dataset ecoles = dataset("Liste des écoles de Grenoble")
            .description("Établissements scolaires publics du premier degré : adresse, nombre de classes.")
            .themes("Éducation").producer("Ville de Grenoble", "213801855", ProducerType.COMMUNE)
            .coverage(Granularity.COMMUNE, "commune:38185").formats("CSV").licence("etalab-2.0")
            .modified(Instant.parse("2026-10-20T00:00:00Z")).build();
    static Dataset eau = dataset("Qualité de l'eau potable distribuée")
            .description("Résultats du contrôle sanitaire des eaux destinées à la consommation humaine, par commune.")
            .themes("Santé").producer("Ministère de la Santé", null, ProducerType.STATE_SERVICE)
            .coverage(Granularity.COMMUNE, "national:FR").formats("CSV", "JSON").licence("etalab-2.0")
            .modified(Instant.parse("2025-01-10T00:00:00Z")).build();
    static Dataset communes = dataset("Population légale des communes en 2021")
            .description("Populations municipales et totales de chaque commune de France, établies chaque année "
                    + "par l'institut à partir des enquêtes annuelles de recensement et publiées au Journal officiel. "
                    + "Les chiffres sont donnés dans les limites territoriales en vigueur au 1er janvier. Les "
                    + "arrondissements municipaux de Paris, Lyon et Marseille ont leurs propres lignes.")
            .themes("Société").producer("Insee", "120027016", ProducerType.OPERATOR)
            .coverage(Granularity.COMMUNE, "national:FR").formats("XLSX").licence("etalab-2.0").build();
    static Dataset irve = dataset("Bornes de recharge pour véhicules électriques en Isère")
            .description("Localisation et caractéristiques des points de charge ouverts au public.")
            .themes("Transports").producer("Département de l'Isère", "223800012", ProducerType.DEPARTEMENT)
            .coverage(Granularity.OTHER, "departement:38").schema("etalab/schema-irve-statique")
            .formats("CSV").licence("ODbL").build();
    static Dataset plu = dataset("Plan local d'urbanisme d'Échirolles")
            .description("Zonage, règlement et servitudes du document d'urbanisme en vigueur.")
            .themes("Urbanisme").producer("Ville d'Échirolles", "213801517", ProducerType.COMMUNE)
            .coverage(Granularity.OTHER, "commune:38151").formats("SHP").build();
    static Dataset pistes = dataset("Pistes cyclables de la métropole grenobloise")
            .description("Aménagements cyclables : bandes, pistes, voies vertes.")
            .themes("Transports").producer("Grenoble-Alpes-Métropole", "200040715", ProducerType.EPCI)
            .coverage(Granularity.OTHER, "epci:200040715").formats("GEOJSON").build();
    static Dataset lycees = dataset("Lycées de la région Auvergne-Rhône-Alpes")
            .description("Liste des lycées publics et privés sous contrat.")
            .themes("Éducation").producer("Région Auvergne-Rhône-Alpes", "200053767", ProducerType.REGION)
            .coverage(Granularity.OTHER, "region:84").formats("CSV").build();
    static Dataset pib = dataset("Produit intérieur brut régional")
            .description("PIB en valeur par région, séries annuelles.")
            .themes("Économie").producer("Insee", "120027016", ProducerType.OPERATOR)
            .coverage(Granularity.REGION, "national:FR").formats("CSV").build();
    static Dataset lyon = dataset("Stationnement à Lyon")
            .description("Parcs de stationnement et places en voirie.")
            .themes("Transports").producer("Ville de Lyon", "216901231", ProducerType.COMMUNE)
            .coverage(Granularity.OTHER, "commune:69123").formats("CSV").build();
    static Dataset baignade = dataset("Zones de baignade")
            .themes("Loisirs").producer("Ville de Lyon", "216901231", ProducerType.COMMUNE)
            .coverage(Granularity.OTHER, "commune:69123").build();
    static Dataset plages = dataset("Surveillance sanitaire des plages et du littoral")
            .description("Contrôle de la qualité des eaux de baignade en mer et en rivière, zones de baignade "
                    + "déclarées, prélèvements et classement annuel des sites.")
            .themes("Santé").producer("Ministère de la Santé", null, ProducerType.STATE_SERVICE)
            .coverage(Granularity.COMMUNE, "national:FR").views(1_000_000_000L).wellDescribed().build();
    static Dataset foncier = dataset("Fichiers fonciers")
            .description("Données détaillées sur les parcelles, locaux et propriétaires.")
            .themes("Foncier").producer("DGFiP", "130004997", ProducerType.STATE_SERVICE)
            .access(AccessLevel.RESTRICTED).coverage(Granularity.OTHER, "national:FR").build();
    static Dataset energie = dataset("Consommations d'énergie par bâtiment public")
            .description("Consommation d'énergie annuelle des bâtiments de la collectivité.")
            .keywords("consommation d'énergie").themes("Énergie")
            .producer("Grenoble-Alpes-Métropole", "200040715", ProducerType.EPCI)
            .access(AccessLevel.SHARED).coverage(Granularity.OTHER, "epci:200040715").formats("CSV").build();
    static Dataset chaleur = dataset("Températures de surface de l'été 2023")
            .description("Relevés satellitaires pour repérer les îlots de chaleur urbains.")
            .keywords("canicule").themes("Climat").producer("Ville de Lyon", "216901231", ProducerType.COMMUNE)
            .coverage(Granularity.OTHER, "commune:69123").formats("GEOTIFF").build();
    static Dataset reference = dataset("Base adresse locale de Grenoble")
            .description("Adresses de la commune.").themes("Adresses")
            .producer("Ville de Grenoble", "213801855", ProducerType.COMMUNE)
            .sourceUri("https://data.grenoble.test/dataset/bal").landingPage("https://www.grenoble.test/bal")
            .coverage(Granularity.OTHER, "commune:38185").build();

    static final List<Dataset> CORPUS = List.of(ecoles, eau, communes, irve, plu, pistes, lycees, pib, lyon,
            baignade, plages, foncier, energie, chaleur, reference);

    @BeforeAll
    static void indexCorpus() {
        harness = new SearchIndexHarness();
        harness.index.index(CORPUS, Instant.now());
    }

    @AfterAll
    static void dropIndex() throws Exception {
        harness.close();
    }

    private static List<String> titles(Params params) {
        return harness.titles(params.build());
    }

    private static String title(Dataset d) {
        return d.description(Instant.now()).orElseThrow().title();
    }

    // ---- French relevance ----------------------------------------------------------------------

    @Test
    void accentsAndPluralsAreFolded() {
        assertThat(titles(Params.q("écoles"))).containsExactly(title(ecoles));
        assertThat(titles(Params.q("ecole"))).containsExactly(title(ecoles));
        assertThat(titles(Params.q("ECOLES GRENOBLE"))).containsExactly(title(ecoles));
    }

    @Test
    void elisionsAreRemoved() {
        assertThat(titles(Params.q("l'eau potable"))).containsExactly(title(eau));
        assertThat(titles(Params.q("eau potable"))).containsExactly(title(eau));
    }

    @Test
    void pluralsMatchSingulars() {
        assertThat(titles(Params.q("communes"))).contains(title(communes));
        assertThat(titles(Params.q("population commune"))).containsExactly(title(communes));
    }

    @Test
    void acronymsFindTheirExpansionThroughTheSynonymList() {
        assertThat(titles(Params.q("IRVE"))).containsExactly(title(irve));
        assertThat(titles(Params.q("PLU"))).containsExactly(title(plu));
        assertThat(titles(Params.q("plan local d'urbanisme"))).containsExactly(title(plu));
        assertThat(titles(Params.q("ICU"))).containsExactly(title(chaleur));
    }

    @Test
    void aLongQueryNeedsMostOfItsWordsNotAll() {
        assertThat(titles(Params.q("liste des écoles maternelles de Grenoble")))
                .containsExactly(title(ecoles));
        assertThat(titles(Params.q("écoles Lyon"))).isEmpty();
    }

    @Test
    void anExactTitleComesFirst() {
        assertThat(titles(Params.q("zones de baignade")).getFirst()).isEqualTo(title(baignade));
    }

    @Test
    void qualityAndPopularityAreBoundedBoostsThatNeverBeatAClearlyMoreRelevantResult() {
        // "plages" is described perfectly and seen a billion times; "baignade" has a bare exact title.
        List<String> found = titles(Params.q("zones de baignade"));
        assertThat(found).containsExactly(title(baignade), title(plages));

        DatasetCard popular = harness.search(Params.q("zones de baignade").build()).datasets().get(1);
        assertThat(popular.quality()).isGreaterThan(0.9);
        assertThat(popular.popularity()).isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void userTextIsNeverQuerySyntax() {
        for (String attempt : List.of("*:*", "title:x OR 1=1", ")(", "{\"query\":{\"match_all\":{}}}", "* OR *",
                "\\", "\"", "title:*", "_exists_:title", "a AND NOT b")) {
            SearchResults results = harness.search(Params.q(attempt).build());
            assertThat(results.total()).as(attempt).isZero();
        }
    }

    @Test
    void theExcerptShowsThePassageThatMatched() {
        DatasetCard card = harness.search(Params.q("arrondissements municipaux").build()).datasets().getFirst();
        assertThat(card.title()).isEqualTo(title(communes));
        assertThat(card.excerpt()).contains("arrondissements municipaux").doesNotStartWith("Populations");

        DatasetCard browsing = harness.search(Params.none().organisation("120027016").sort("popularity").build())
                .datasets().stream().filter(c -> c.title().equals(title(communes))).findFirst().orElseThrow();
        assertThat(browsing.excerpt()).startsWith("Populations municipales").endsWith("…").hasSizeLessThan(250);
    }

    // ---- territories ---------------------------------------------------------------------------

    @Test
    void aCommuneGetsItsOwnItsParentsAndFineNationalDatasetsButNoOtherCommunes() {
        Set<String> found = Set.copyOf(titles(Params.none().territory("commune:38185").size(100)));

        assertThat(found).contains(title(ecoles), title(reference), title(pistes), title(irve), title(lycees),
                title(eau), title(communes), title(plages));
        assertThat(found).doesNotContain(title(plu), title(lyon), title(baignade), title(pib), title(chaleur));
        // national data only at commune granularity or finer; foncier is OTHER (parcels): fine enough.
        assertThat(found).contains(title(foncier));
    }

    @Test
    void aBareCommuneCodeIsTheCommune() {
        assertThat(titles(Params.none().territory("38185").size(100)))
                .containsExactlyInAnyOrderElementsOf(titles(Params.none().territory("commune:38185").size(100)));
    }

    @Test
    void aDepartementGetsItselfItsRegionAndTheDatasetsOfItsCommunesAndEpci() {
        Set<String> found = Set.copyOf(titles(Params.none().territory("departement:38").size(100)));

        assertThat(found).contains(title(irve), title(lycees), title(ecoles), title(plu), title(pistes),
                title(energie), title(eau));
        assertThat(found).doesNotContain(title(lyon), title(baignade), title(pib));
    }

    @Test
    void aRegionGetsTheNationalDataBrokenDownByRegion() {
        assertThat(titles(Params.none().territory("region:84").size(100))).contains(title(pib), title(lyon),
                title(ecoles));
    }

    // ---- filters and facets -------------------------------------------------------------------

    @Test
    void filtersCombineAndTheirValuesAreAlternatives() {
        assertThat(titles(Params.none().theme("Transports").producerType("EPCI"))).containsExactly(title(pistes));
        assertThat(titles(Params.none().accessLevel("RESTRICTED").accessLevel("SHARED").size(100)))
                .containsExactlyInAnyOrder(title(foncier), title(energie));
        assertThat(titles(Params.none().organisation("200040715").size(100)))
                .containsExactlyInAnyOrder(title(pistes), title(energie));
        assertThat(titles(Params.none().organisation("ville de lyon").size(100)))
                .containsExactlyInAnyOrder(title(lyon), title(baignade), title(chaleur));
        assertThat(titles(Params.none().schema("etalab/schema-irve-statique"))).containsExactly(title(irve));
        assertThat(titles(Params.none().format("geojson"))).containsExactly(title(pistes));
        assertThat(titles(Params.none().licence("ODbL"))).containsExactly(title(irve));
        assertThat(titles(Params.none().updatedSince("2026-01-01"))).containsExactly(title(ecoles));
        assertThat(titles(Params.q("recharge").theme("Éducation"))).isEmpty();
    }

    @Test
    void facetsCountTheWholeResultSet() {
        SearchResults all = harness.search(Params.none().size(1).build());

        assertThat(all.total()).isEqualTo(CORPUS.size());
        assertThat(counts(all, Facets.ACCESS_LEVELS)).containsEntry("OPEN", (long) CORPUS.size() - 2)
                .containsEntry("RESTRICTED", 1L).containsEntry("SHARED", 1L);
        assertThat(all.facets().get(Facets.ACCESS_LEVELS)).extracting(FacetCount::label)
                .contains("restreint, sur demande d'accès");
        assertThat(counts(all, Facets.THEMES)).containsEntry("Transports", 3L).containsEntry("Éducation", 2L);
        assertThat(counts(all, Facets.ORGANISATIONS)).containsEntry("Ville de Lyon", 3L);
        assertThat(counts(all, Facets.PRODUCER_TYPES)).containsEntry("COMMUNE", 6L);
        assertThat(counts(all, Facets.FORMATS)).containsEntry("CSV", 8L);
        assertThat(counts(all, Facets.SCHEMAS)).containsEntry("etalab/schema-irve-statique", 1L);
        assertThat(counts(all, Facets.GRANULARITY)).containsEntry("COMMUNE", 4L);
        assertThat(counts(all, Facets.LICENCES)).containsEntry("etalab-2.0", 4L).containsEntry("ODbL", 1L);
        assertThat(all.facets()).containsKey(Facets.UPDATED);

        SearchResults transports = harness.search(Params.none().theme("Transports").build());
        assertThat(counts(transports, Facets.PRODUCER_TYPES)).containsOnly(Map.entry("COMMUNE", 1L),
                Map.entry("DEPARTEMENT", 1L), Map.entry("EPCI", 1L));
    }

    @Test
    void facetsAreMultiSelectAChoiceNarrowsTheOtherFacetsNotItsOwn() {
        SearchResults restricted = harness.search(Params.none().accessLevel("RESTRICTED").build());

        assertThat(restricted.total()).isEqualTo(1);
        // its own facet still offers the alternatives, counted as if nothing were chosen in it
        assertThat(counts(restricted, Facets.ACCESS_LEVELS)).containsEntry("OPEN", (long) CORPUS.size() - 2)
                .containsEntry("RESTRICTED", 1L).containsEntry("SHARED", 1L);
        // the other facets count the restricted dataset only
        assertThat(counts(restricted, Facets.PRODUCER_TYPES).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(1L);

        // two facets chosen: each counts under the other's choice
        SearchResults both = harness.search(Params.none().theme("Transports").accessLevel("OPEN").build());
        SearchResults transportsOnly = harness.search(Params.none().theme("Transports").build());
        SearchResults openOnly = harness.search(Params.none().accessLevel("OPEN").build());
        assertThat(counts(both, Facets.ACCESS_LEVELS)).isEqualTo(counts(transportsOnly, Facets.ACCESS_LEVELS));
        assertThat(counts(both, Facets.THEMES)).isEqualTo(counts(openOnly, Facets.THEMES));
        assertThat(both.total()).isLessThanOrEqualTo(transportsOnly.total());
    }

    private static Map<String, Long> counts(SearchResults results, String facet) {
        Map<String, Long> counts = new java.util.HashMap<>();
        results.facets().get(facet).forEach(c -> counts.put(c.value(), c.count()));
        return counts;
    }

    // ---- intended uses ------------------------------------------------------------------------

    @Test
    void aUseProfileKeepsWhatServesTheUse() {
        List<String> pcaet = titles(Params.none().use("pcaet").size(100));
        assertThat(pcaet).contains(title(energie), title(irve)).doesNotContain(title(ecoles), title(lycees));

        List<String> heat = titles(Params.none().use("ilots-de-chaleur").size(100));
        assertThat(heat).contains(title(chaleur)).doesNotContain(title(ecoles));

        assertThat(titles(Params.none().use("mobilites").territory("commune:38185").size(100)))
                .contains(title(pistes), title(irve)).doesNotContain(title(lyon));
    }

    // ---- sorting ------------------------------------------------------------------------------

    @Test
    void sortsByRecencyAndPopularity() {
        assertThat(titles(Params.none().sort("recency").size(2))).containsExactly(title(ecoles), title(eau));
        assertThat(titles(Params.none().sort("popularity").size(1))).containsExactly(title(plages));
    }

    // ---- look-ups -----------------------------------------------------------------------------

    @Test
    void resolvesByIdSourceUriAndLandingPage() {
        String id = reference.id().toString();
        Map<String, DatasetCard> resolved = harness.search.resolve(List.of(id.toUpperCase(),
                "https://data.grenoble.test/dataset/bal", "https://www.grenoble.test/bal", "https://unknown.test/x"),
                Instant.now().plusSeconds(30));

        assertThat(resolved).hasSize(3);
        assertThat(resolved.values()).allSatisfy(card -> assertThat(card.id()).isEqualTo(id));
        assertThat(harness.search.findByIds(List.of(id, ecoles.id().toString()), Instant.now().plusSeconds(30)))
                .containsOnlyKeys(id, ecoles.id().toString());
    }

    @Test
    void suggestsDatasetsAndOrganisationsFromTheFirstLetters() {
        assertThat(harness.search.suggestDatasets("bornes rech", 5, Instant.now().plusSeconds(30)))
                .extracting(s -> s.title()).containsExactly(title(irve));
        assertThat(harness.search.suggestOrganisations("grenoble-alp", 5, Instant.now().plusSeconds(30)))
                .singleElement().satisfies(o -> {
                    assertThat(o.name()).isEqualTo("Grenoble-Alpes-Métropole");
                    assertThat(o.siren()).isEqualTo("200040715");
                    assertThat(o.datasets()).isEqualTo(2);
                });
    }

    // ---- time budget --------------------------------------------------------------------------

    @Test
    void aSearchPastItsDeadlineTimesOut() {
        assertThatThrownBy(() -> harness.search.search(harness.parser.parse(Params.q("eau").build()),
                Instant.now().minusMillis(1))).isInstanceOf(SearchTimeoutException.class);
    }

    // ---- pagination ---------------------------------------------------------------------------

    @Test
    void pagesAndCursorsWalkEveryResultOnce() {
        try (SearchIndexHarness own = new SearchIndexHarness()) {
            List<Dataset> trees = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                trees.add(dataset("Arbres remarquables, secteur " + i).themes("Arbres")
                        .modified(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i % 5)).build());
            }
            own.index.index(trees, Instant.now());

            for (String sort : List.of("relevance", "recency", "popularity")) {
                Set<String> seen = new HashSet<>();
                String cursor = null;
                int pages = 0;
                do {
                    Params params = Params.q("arbres").sort(sort).size(10);
                    SearchResults page = own.search((cursor == null ? params : params.cursor(cursor)).build());
                    assertThat(page.total()).isEqualTo(25);
                    page.datasets().forEach(d -> assertThat(seen.add(d.id())).as("seen once: " + d.title()).isTrue());
                    cursor = page.nextCursor();
                    pages++;
                } while (cursor != null && pages < 10);
                assertThat(seen).as(sort).hasSize(25);
            }

            Set<String> byPages = new HashSet<>();
            for (int page = 1; page <= 3; page++) {
                own.search(Params.q("arbres").page(page).size(10).build()).datasets().forEach(d -> byPages.add(d.id()));
            }
            assertThat(byPages).hasSize(25);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
