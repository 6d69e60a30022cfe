package fr.dataterritoires.datasetsearch.integration.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.application.harvest.SourceUnreadableException;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Harvests every file of dcat-catalogs/, geodcat-csw/, ckan-api/ and datagouv-api/ from a real local HTTP server,
 * through the production readers, and checks the number of records found in each file against counts made
 * independently of the readers (see the comments on {@link #RUNS}).
 */
class RealSourcesHarvestTest {

    /** What one file is expected to yield: records understood and records kept as failed. */
    record Expect(String file, int parsed, int failed) {
    }

    /** One harvest: a reader, an entry URL, whether the source ends unreadable, and what each file served gives. */
    record Run(SourceKind kind, String path, Map<String, String> virtualHosts, boolean unreadable,
               List<Expect> files) {
    }

    static Run run(SourceKind kind, String path, Expect... files) {
        return new Run(kind, path, Map.of(), false, List.of(files));
    }

    static Run unreadable(SourceKind kind, String path, Expect... files) {
        return new Run(kind, path, Map.of(), true, List.of(files));
    }

    static Expect file(String file, int parsed) {
        return new Expect(file, parsed, 0);
    }

    static Expect file(String file, int parsed, int failed) {
        return new Expect(file, parsed, failed);
    }

    private static final String D = "dcat-catalogs/";
    /** GetRecords URLs as an operator configures them, asking GeoNetwork for DCAT or GeoDCAT-AP records. */
    private static final String CSW_DCAT = "/csw/geonetwork-dcat?service=CSW&version=2.0.2&request=GetRecords"
            + "&typeNames=csw:Record&elementSetName=full&outputSchema=http://www.w3.org/ns/dcat%23";
    private static final String CSW_GEODCAT = "/csw/geonetwork-geodcatap?service=CSW&version=2.0.2"
            + "&request=GetRecords&typeNames=csw:Record&elementSetName=full&outputSchema=http://data.europa.eu/930/";
    private static final String PAGE2 = "http://data.test.org/catalog.jsonld?page=2";

    /*
     * How the expected counts were made, without the readers:
     * - RDF files (.rdf, .xml, .ttl, .jsonld with RDF content): a SPARQL query run with Jena over each file,
     *   SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dcat:Dataset } (no file has an untyped dcat:inSeries member;
     *   series.xml also holds 1 dcat:DatasetSeries, not counted as a dataset). Two files do not parse with Jena:
     *   ckanext-dcat/dataset.ttl (undefined prefix "healthdcatap:" line 149, and "^^<<" line 154: the source is
     *   unreadable) and udata/geonetwork.xml (its one dcat:Dataset element, counted with grep, has an rdf:about
     *   holding a space: 1 failed record).
     * - udata-history/ckan.{ttl,rdf,jsonld}: 100 dcat:Dataset each (SPARQL), then hydra:nextPage points at
     *   demo.ckan.org page 2, which is not in the data: the run fails after page 1 (nothing can be withdrawn).
     * - udata-history/context.jsonld and udata/person.jsonld hold only a @context (0 triples): not a catalogue.
     * - JSON files: python3 json.load; POD/DCAT-JSON catalogues count len(doc["dataset"]) (evian.json 8,
     *   esri.jsonld 71, catalog_pod.jsonld 1, ckan-api/ckanext-dcat/catalog.json 2), lists count len(doc)
     *   (catalog_datasets_list.json 2, health_dcat_ap.json 1), package_search len(result.results) (7, count 7),
     *   package_show 1, DKAN's list-valued result len(result) (1), the udata fixture len(doc["datasets"]) (15), a
     *   single udata dataset 1; the ExVCR cassette records one response holding one dataset.
     * - CSW files: grep -c of "<gmd:MD_Metadata" (ISO pages: 2 each, Géo-IDE DDT24: 4, single records: 1) and of
     *   dcat:Dataset typings inside csw:SearchResults (DCAT and GeoDCAT-AP pages: 2 each); pages chain through
     *   nextRecord 3, 5, 0 with numberOfRecordsMatched 6.
     * - geolevels.json (a list of udata geo levels) and udata-api1-swagger.json (the API description) are no
     *   catalogue.
     */
    static final List<Run> RUNS = List.of(
            // --- DCAT ------------------------------------------------------------------------------------------
            run(SourceKind.DCAT, D + "capatlantique-ods/exports-dcat-ccas-guerande.rdf",
                    file(D + "capatlantique-ods/exports-dcat-ccas-guerande.rdf", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/catalog.rdf", file(D + "ckanext-dcat/catalog.rdf", 2)),
            run(SourceKind.DCAT, D + "ckanext-dcat/catalog_datasets_list.rdf",
                    file(D + "ckanext-dcat/catalog_datasets_list.rdf", 2)),
            run(SourceKind.DCAT, D + "ckanext-dcat/catalog_pod.jsonld", file(D + "ckanext-dcat/catalog_pod.jsonld", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/catalog_with_at_graph.jsonld",
                    file(D + "ckanext-dcat/catalog_with_at_graph.jsonld", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset.rdf", file(D + "ckanext-dcat/dataset.rdf", 1)),
            unreadable(SourceKind.DCAT, D + "ckanext-dcat/dataset.ttl", file(D + "ckanext-dcat/dataset.ttl", 0)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_afs.ttl", file(D + "ckanext-dcat/dataset_afs.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_deri.ttl", file(D + "ckanext-dcat/dataset_deri.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_gob_es.ttl", file(D + "ckanext-dcat/dataset_gob_es.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_gov_de.rdf", file(D + "ckanext-dcat/dataset_gov_de.rdf", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_health.ttl", file(D + "ckanext-dcat/dataset_health.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_health_multilingual.ttl",
                    file(D + "ckanext-dcat/dataset_health_multilingual.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_health_no_blank.ttl",
                    file(D + "ckanext-dcat/dataset_health_no_blank.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_multilingual.ttl",
                    file(D + "ckanext-dcat/dataset_multilingual.ttl", 1)),
            run(SourceKind.DCAT, D + "ckanext-dcat/dataset_sweden.rdf", file(D + "ckanext-dcat/dataset_sweden.rdf", 1)),
            unreadable(SourceKind.DCAT, D + "udata-history/ckan.jsonld", file(D + "udata-history/ckan.jsonld", 100)),
            unreadable(SourceKind.DCAT, D + "udata-history/ckan.rdf", file(D + "udata-history/ckan.rdf", 100)),
            unreadable(SourceKind.DCAT, D + "udata-history/ckan.ttl", file(D + "udata-history/ckan.ttl", 100)),
            unreadable(SourceKind.DCAT, D + "udata-history/context.jsonld", file(D + "udata-history/context.jsonld", 0)),
            run(SourceKind.DCAT, D + "udata-history/esri.jsonld", file(D + "udata-history/esri.jsonld", 71)),
            run(SourceKind.DCAT, D + "udata/bnodes.jsonld", file(D + "udata/bnodes.jsonld", 3)),
            run(SourceKind.DCAT, D + "udata/bnodes.xml", file(D + "udata/bnodes.xml", 3)),
            run(SourceKind.DCAT, D + "udata/catalog.xml", file(D + "udata/catalog.xml", 4)),
            run(SourceKind.DCAT, D + "udata/datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml",
                    file(D + "udata/datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml", 1)),
            run(SourceKind.DCAT, D + "udata/datara--f40c3860-7236-4b30-a141-23b8ae33f7b2.rdf.xml",
                    file(D + "udata/datara--f40c3860-7236-4b30-a141-23b8ae33f7b2.rdf.xml", 1)),
            run(SourceKind.DCAT, D + "udata/evian.json", file(D + "udata/evian.json", 8)),
            run(SourceKind.DCAT, D + "udata/flat.jsonld", file(D + "udata/flat.jsonld", 3)),
            run(SourceKind.DCAT, D + "udata/geonetwork.xml", file(D + "udata/geonetwork.xml", 0, 1)),
            run(SourceKind.DCAT, D + "udata/nested.jsonld", file(D + "udata/nested.jsonld", 1)),
            new Run(SourceKind.DCAT, D + "udata/paged-collection-1.jsonld",
                    Map.of(PAGE2, D + "udata/paged-collection-2.jsonld"), false,
                    List.of(file(D + "udata/paged-collection-1.jsonld", 3),
                            file(D + "udata/paged-collection-2.jsonld", 1))),
            new Run(SourceKind.DCAT, D + "udata/partial-collection-1.jsonld",
                    Map.of(PAGE2, D + "udata/partial-collection-2.jsonld"), false,
                    List.of(file(D + "udata/partial-collection-1.jsonld", 3),
                            file(D + "udata/partial-collection-2.jsonld", 1))),
            unreadable(SourceKind.DCAT, D + "udata/person.jsonld", file(D + "udata/person.jsonld", 0)),
            run(SourceKind.DCAT, D + "udata/series.xml", file(D + "udata/series.xml", 1)),
            run(SourceKind.DCAT, D + "udata/sig.oreme.rdf", file(D + "udata/sig.oreme.rdf", 1)),
            run(SourceKind.DCAT, D + "udata/udata.xml", file(D + "udata/udata.xml", 2)),
            // --- CSW -------------------------------------------------------------------------------------------
            run(SourceKind.CSW, "geodcat-csw/geo-ide-ddt24/csw-getrecords-iso19139-response.xml",
                    file("geodcat-csw/geo-ide-ddt24/csw-getrecords-iso19139-response.xml", 4)),
            run(SourceKind.CSW, "geodcat-csw/udata/geoide-iso19139-single-dataset.xml",
                    file("geodcat-csw/udata/geoide-iso19139-single-dataset.xml", 1)),
            run(SourceKind.CSW, "geodcat-csw/udata/geoplateforme-iso19139-IGNF_RPG.xml",
                    file("geodcat-csw/udata/geoplateforme-iso19139-IGNF_RPG.xml", 1)),
            run(SourceKind.CSW, CSW_DCAT,
                    file("geodcat-csw/udata/geonetwork-dcat-page-1.xml", 2),
                    file("geodcat-csw/udata/geonetwork-dcat-page-3.xml", 2),
                    file("geodcat-csw/udata/geonetwork-dcat-page-5.xml", 2)),
            run(SourceKind.CSW, CSW_GEODCAT,
                    file("geodcat-csw/udata/geonetwork-geodcatap-page-1.xml", 2),
                    file("geodcat-csw/udata/geonetwork-geodcatap-page-3.xml", 2),
                    file("geodcat-csw/udata/geonetwork-geodcatap-page-5.xml", 2)),
            run(SourceKind.CSW, "/csw/geonetwork-iso19139",
                    file("geodcat-csw/udata/geonetwork-iso19139-page-1.xml", 2),
                    file("geodcat-csw/udata/geonetwork-iso19139-page-3.xml", 2),
                    file("geodcat-csw/udata/geonetwork-iso19139-page-5.xml", 2)),
            // --- CKAN ------------------------------------------------------------------------------------------
            run(SourceKind.CKAN, "/ckan/datasud/api/3/action/package_search",
                    file("ckan-api/datasud/package_search-gap-tallard-durance.json", 7)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-canispaces----ville-de-gap.json",
                    file("ckan-api/datasud/package_show-canispaces----ville-de-gap.json", 1)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-cendriers----ville-de-gap.json",
                    file("ckan-api/datasud/package_show-cendriers----ville-de-gap.json", 1)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-corbeilles---ville-de-gap.json",
                    file("ckan-api/datasud/package_show-corbeilles---ville-de-gap.json", 1)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-dechetteries-de-la-cagtd.json",
                    file("ckan-api/datasud/package_show-dechetteries-de-la-cagtd.json", 1)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-parkings-ville-de-gap.json",
                    file("ckan-api/datasud/package_show-parkings-ville-de-gap.json", 1)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-point-d-apport-volontaire-pav-ca-gap-tallard-durance.json",
                    file("ckan-api/datasud/package_show-point-d-apport-volontaire-pav-ca-gap-tallard-durance.json", 1)),
            run(SourceKind.CKAN, "ckan-api/datasud/package_show-sacs-a-chien----ville-de-gap.json",
                    file("ckan-api/datasud/package_show-sacs-a-chien----ville-de-gap.json", 1)),
            run(SourceKind.CKAN, "ckan-api/udata/ckan-dataset-1.json", file("ckan-api/udata/ckan-dataset-1.json", 1)),
            run(SourceKind.CKAN, "ckan-api/udata/ckan-dataset-2.json", file("ckan-api/udata/ckan-dataset-2.json", 1)),
            run(SourceKind.CKAN, "ckan-api/udata/ckan-dataset-3.json", file("ckan-api/udata/ckan-dataset-3.json", 1)),
            run(SourceKind.CKAN, "ckan-api/udata/dkan-french-w-license.json",
                    file("ckan-api/udata/dkan-french-w-license.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/catalog.json", file("ckan-api/ckanext-dcat/catalog.json", 2)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/catalog_datasets_list.json",
                    file("ckan-api/ckanext-dcat/catalog_datasets_list.json", 2)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_dataset.json", file("ckan-api/ckanext-dcat/ckan_dataset.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_dataset_multilingual.json",
                    file("ckan-api/ckanext-dcat/ckan_dataset_multilingual.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_dcat_ap_dataset_series.json",
                    file("ckan-api/ckanext-dcat/ckan_dcat_ap_dataset_series.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_full_dataset_croissant.json",
                    file("ckan-api/ckanext-dcat/ckan_full_dataset_croissant.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_full_dataset_dcat_ap.json",
                    file("ckan-api/ckanext-dcat/ckan_full_dataset_dcat_ap.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_full_dataset_dcat_ap_legacy.json",
                    file("ckan-api/ckanext-dcat/ckan_full_dataset_dcat_ap_legacy.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_full_dataset_dcat_ap_vocabularies.json",
                    file("ckan-api/ckanext-dcat/ckan_full_dataset_dcat_ap_vocabularies.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/ckan_full_dataset_dcat_us_vocabularies.json",
                    file("ckan-api/ckanext-dcat/ckan_full_dataset_dcat_us_vocabularies.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/dataset.json", file("ckan-api/ckanext-dcat/dataset.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/full_ckan_dataset_legacy.json",
                    file("ckan-api/ckanext-dcat/full_ckan_dataset_legacy.json", 1)),
            run(SourceKind.CKAN, "ckan-api/ckanext-dcat/health_dcat_ap.json",
                    file("ckan-api/ckanext-dcat/health_dcat_ap.json", 1)),
            // --- data.gouv.fr (udata API v1) -------------------------------------------------------------------
            run(SourceKind.DATAGOUV, "datagouv-api/transport-site/api1-dataset-irigo-gtfs.body.json",
                    file("datagouv-api/transport-site/api1-dataset-irigo-gtfs.body.json", 1)),
            run(SourceKind.DATAGOUV, "/replay/datagouv-api/transport-site/cassette-datasets-one-0.json",
                    file("datagouv-api/transport-site/cassette-datasets-one-0.json", 1)),
            unreadable(SourceKind.DATAGOUV, "datagouv-api/udata-history/geolevels.json",
                    file("datagouv-api/udata-history/geolevels.json", 0)),
            unreadable(SourceKind.DATAGOUV, "datagouv-api/udata-history/udata-api1-swagger.json",
                    file("datagouv-api/udata-history/udata-api1-swagger.json", 0)),
            run(SourceKind.DATAGOUV, "datagouv-api/udata/fixtures-results.json",
                    file("datagouv-api/udata/fixtures-results.json", 15)));

    static RealDataServer server;
    static Map<SourceKind, SourceReader> readers;

    @BeforeAll
    static void start() throws Exception {
        server = new RealDataServer();
        server.route("/ckan/datasud/api/3/action/package_search",
                "ckan-api/datasud/package_search-gap-tallard-durance.json");
        readers = HarvestFixtures.readers(server.address(), 3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A record and the real file that was last served when the reader handed it over. */
    record Attributed(String file, HarvestItem item) {
    }

    record Outcome(List<Attributed> items, List<String> served, SourceUnreadableException failure) {

        List<DatasetDescription> parsed() {
            return items.stream().map(Attributed::item).filter(i -> i instanceof HarvestItem.Parsed)
                    .map(i -> ((HarvestItem.Parsed) i).description()).toList();
        }

        List<HarvestItem.Failed> failed() {
            return items.stream().map(Attributed::item).filter(i -> i instanceof HarvestItem.Failed)
                    .map(i -> (HarvestItem.Failed) i).toList();
        }

        DatasetDescription parsed(String key) {
            return items.stream().map(Attributed::item)
                    .filter(i -> i instanceof HarvestItem.Parsed && i.recordKey().equals(key))
                    .map(i -> ((HarvestItem.Parsed) i).description()).findFirst()
                    .orElseThrow(() -> new AssertionError("no record " + key + " in " + items.stream()
                            .map(a -> a.item().recordKey()).toList()));
        }
    }

    static Outcome harvest(SourceKind kind, String path) {
        return harvest(readers.get(kind), kind, path);
    }

    static Outcome harvest(SourceReader reader, SourceKind kind, String path) {
        return harvest(reader, kind, path, AccessLevel.OPEN);
    }

    static Outcome harvest(SourceReader reader, SourceKind kind, String path, AccessLevel defaultAccess) {
        URI url = path.startsWith("http") ? URI.create(path)
                : server.uri(path.startsWith("/") ? path : "/real/" + path);
        List<Attributed> items = new ArrayList<>();
        int before = server.served().size();
        SourceUnreadableException failure = null;
        try {
            reader.read(new HarvestSource("test-source", "Source de test", kind, url, null, true,
                    defaultAccess, null), item -> {
                        List<String> served = server.served();
                        items.add(new Attributed(served.size() > before ? served.get(served.size() - 1) : "?", item));
                    });
        } catch (SourceUnreadableException unreadable) {
            failure = unreadable;
        }
        List<String> served = List.copyOf(server.served().subList(before, server.served().size()));
        return new Outcome(items, served, failure);
    }

    @Test
    void everyRealFileIsHarvestedOverHttpWithTheCountsFoundByReadingTheFiles() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        List<String> report = new ArrayList<>();
        for (Run run : RUNS) {
            run.virtualHosts().forEach(server::virtualHost);
            long began = System.nanoTime();
            Outcome outcome = harvest(run.kind(), run.path());
            report.add("  (" + run.path() + ": " + (System.nanoTime() - began) / 1_000_000 + " ms)");
            Map<String, int[]> counts = new LinkedHashMap<>();
            outcome.served().forEach(f -> counts.putIfAbsent(f, new int[2]));
            for (Attributed a : outcome.items()) {
                counts.computeIfAbsent(a.file(), f -> new int[2])[a.item() instanceof HarvestItem.Parsed ? 0 : 1]++;
            }
            counts.forEach((f, c) -> actual.put(f, run.kind() + " parsed=" + c[0] + " failed=" + c[1]
                    + (outcome.failure() != null ? " unreadable" : "")));
            for (Expect e : run.files()) {
                expected.put(e.file(), run.kind() + " parsed=" + e.parsed() + " failed=" + e.failed()
                        + (run.unreadable() ? " unreadable" : ""));
            }
            counts.forEach((f, c) -> report.add(String.format("| %s | %s | %d | %d | %s |", f, run.kind(), c[0], c[1],
                    outcome.failure() == null ? "" : outcome.failure().getMessage())));
            outcome.failed().forEach(f -> report.add("    failed " + f.recordKey() + ": " + f.reason()));
            if (outcome.failure() != null) {
                assertThat(outcome.failure().getMessage()).as(run.path()).isNotBlank();
            }
        }
        System.out.println(String.join("\n", report));
        assertThat(actual).isEqualTo(expected);
        // Every file of the four directories was served and counted.
        assertThat(new TreeSet<>(actual.keySet())).isEqualTo(new TreeSet<>(RealDataServer.filesUnder(
                "dcat-catalogs", "geodcat-csw", "ckan-api", "datagouv-api")));
    }

    // --- spot checks of mapped fields on real records ------------------------------------------------------------

    @Test
    void udataDatasetMapsTitleLicenceZoneFormatFrequencyAndUsage() {
        Outcome outcome = harvest(SourceKind.DATAGOUV, "datagouv-api/transport-site/api1-dataset-irigo-gtfs.body.json");
        DatasetDescription irigo = outcome.parsed("5387f0a0a3a7291cb367549e");
        assertThat(irigo.title()).isEqualTo("Horaires et arrêts du réseau IRIGO - format GTFS");
        assertThat(irigo.sourceUri())
                .isEqualTo("https://demo.data.gouv.fr/api/1/datasets/horaires-et-arrets-du-reseau-irigo-format-gtfs/");
        assertThat(irigo.licence()).isEqualTo("odc-odbl");
        assertThat(irigo.coverage().territories()).containsExactly(new TerritoryRef(TerritoryLevel.EPCI, "244900015"));
        assertThat(irigo.coverage().granularity()).isEqualTo(Granularity.OTHER);
        assertThat(irigo.formats()).contains("ZIP");
        assertThat(irigo.frequency()).isEqualTo(UpdateFrequency.PUNCTUAL);
        assertThat(irigo.producer().name()).isEqualTo("Angers Loire Métropole");
        assertThat(irigo.keywords()).contains("gtfs", "tramway");
        assertThat(irigo.usage().views()).isEqualTo(12);
        assertThat(irigo.usage().reuses()).isEqualTo(1);
        assertThat(irigo.usage().followers()).isEqualTo(2);
        assertThat(irigo.modified()).isEqualTo("2017-01-30T09:44:27.806Z");
    }

    @Test
    void udataFixtureMapsProducerSirenTemporalCoverageAndDownloads() {
        Outcome outcome = harvest(SourceKind.DATAGOUV, "datagouv-api/udata/fixtures-results.json");
        DatasetDescription sirene = outcome.parsed("5b7ffc618b4c4169d30727e0");
        assertThat(sirene.title()).startsWith("Base Sirene des entreprises");
        assertThat(sirene.temporal()).isEqualTo(new TemporalCoverage(LocalDate.of(1973, 1, 1), LocalDate.of(2023, 12, 31)));
        assertThat(sirene.frequency()).isEqualTo(UpdateFrequency.MONTHLY);
        // business_number_id 12002701600563 is the SIRET of INSEE: SIREN 120027016.
        assertThat(sirene.producer().siren()).isEqualTo("120027016");
        assertThat(sirene.usage().downloads()).isEqualTo(970627);
        assertThat(sirene.distributions()).hasSize(18);
        DatasetDescription weekly = outcome.parsed("6010206e7aa742eb447930f7");
        assertThat(weekly.frequency()).isEqualTo(UpdateFrequency.WEEKLY);
    }

    @Test
    void ckanPackageMapsFrenchTitleLicenceGroupsOrganisationAndFormats() {
        Outcome outcome = harvest(SourceKind.CKAN, "/ckan/datasud/api/3/action/package_search");
        DatasetDescription parkings = outcome.parsed("fe7cdceb-f65e-4e79-9ff2-d7895dc3b155");
        assertThat(parkings.title()).isEqualTo("Parcs de stationnement de la Ville de Gap");
        assertThat(parkings.licence()).isEqualTo("lov2");
        assertThat(parkings.themes()).contains("Mobilité et transports");
        assertThat(parkings.producer().name()).isEqualTo("Communauté d'Agglomération de Gap-Tallard-Durance");
        assertThat(parkings.producer().type()).isEqualTo(ProducerType.EPCI);
        assertThat(parkings.formats()).contains("SHP", "WMS");
        assertThat(parkings.keywords()).contains("parking");
        assertThat(parkings.landingPage()).endsWith("/ckan/datasud/dataset/parkings-ville-de-gap");
    }

    @Test
    void privateDkanPackageIsSharedNotOpen() {
        Outcome outcome = harvest(SourceKind.CKAN, "ckan-api/udata/dkan-french-w-license.json");
        DatasetDescription antennes = outcome.parsed("04be6288-696d-4331-850d-a144871a7e3a");
        assertThat(antennes.title()).isEqualTo("Antennes régionales de la Région Hauts-de-France (au 01/10/2019)");
        assertThat(antennes.accessLevel()).isEqualTo(AccessLevel.SHARED);
        assertThat(antennes.licence()).contains("Licence_ouverte");
        assertThat(antennes.formats()).contains("XLSX");
    }

    @Test
    void dcatDatasetMapsTemporalFrequencyAccessRightsAndLicence() {
        Outcome outcome = harvest(SourceKind.DCAT, D + "udata/catalog.xml");
        DatasetDescription three = outcome.parsed().stream().filter(d -> d.title().equals("Dataset 3")).findFirst()
                .orElseThrow();
        assertThat(three.licence()).isEqualTo("Licence Ouverte Version 2.0");
        assertThat(three.frequency()).isEqualTo(UpdateFrequency.DAILY);
        assertThat(three.temporal()).isEqualTo(new TemporalCoverage(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 5)));
        // INSPIRE limitation on public access (article 13.1.e): restricted.
        assertThat(three.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
        assertThat(three.landingPage()).isEqualTo("http://data.test.org/datasets/3");
        assertThat(three.keywords()).contains("Tag 1", "Tag 2");
    }

    @Test
    void euAccessRightsAndFrequencyUrisAreMapped() {
        Outcome nonPublic = harvest(SourceKind.DCAT, D + "ckanext-dcat/dataset_health_no_blank.ttl");
        assertThat(nonPublic.parsed()).singleElement().satisfies(d -> {
            assertThat(d.accessLevel()).isEqualTo(AccessLevel.RESTRICTED);
            assertThat(d.frequency()).isEqualTo(UpdateFrequency.DAILY);
        });
        Outcome open = harvest(SourceKind.DCAT, D + "ckanext-dcat/dataset.rdf");
        assertThat(open.parsed()).singleElement().satisfies(d -> assertThat(d.accessLevel()).isEqualTo(AccessLevel.OPEN));
    }

    @Test
    void geoDcatRecordsInsideCswResponsesAreMapped() {
        Outcome outcome = harvest(SourceKind.CSW, CSW_GEODCAT);
        assertThat(outcome.parsed()).hasSize(6);
        assertThat(outcome.parsed()).anySatisfy(d -> assertThat(d.frequency()).isEqualTo(UpdateFrequency.CONTINUOUS));
        assertThat(outcome.parsed()).anySatisfy(d -> assertThat(d.frequency()).isEqualTo(UpdateFrequency.ANNUAL));
        Outcome dcat = harvest(SourceKind.CSW, CSW_DCAT);
        assertThat(dcat.parsed()).allSatisfy(d -> assertThat(d.title()).isNotBlank());
        assertThat(dcat.parsed()).anySatisfy(d -> assertThat(d.formats()).contains("WMS"));
    }

    @Test
    void isoRecordsMapTitleTerritoryTemporalExtentAndDistributions() {
        Outcome ddt24 = harvest(SourceKind.CSW, "geodcat-csw/geo-ide-ddt24/csw-getrecords-iso19139-response.xml");
        assertThat(ddt24.parsed()).anySatisfy(d -> assertThat(d.coverage().territories())
                .contains(new TerritoryRef(TerritoryLevel.DEPARTEMENT, "24")));
        // "Aucun des articles de la loi ne peut être invoqué pour justifier d'une restriction d'accès public": open.
        assertThat(ddt24.parsed("fr-120066022-jdd-5571ed3a-65eb-4403-af71-e093494f1ed8").accessLevel())
                .isEqualTo(AccessLevel.OPEN);
        DatasetDescription bruit = ddt24.parsed("fr-120066022-jdd-912496f5-2ee6-4cf2-b2f9-ab030d646168");
        assertThat(bruit.title()).isEqualTo("Table décrivant les Zones de Bruit stratégiques du département de la Dordogne");
        assertThat(bruit.licence()).startsWith("Licence Ouverte / Open Licence Version 2.0");
        assertThat(bruit.formats()).contains("SHP");
        assertThat(bruit.producer().type()).isEqualTo(ProducerType.STATE_SERVICE);
        Outcome rpg = harvest(SourceKind.CSW, "geodcat-csw/udata/geoplateforme-iso19139-IGNF_RPG.xml");
        assertThat(rpg.parsed()).singleElement().satisfies(d -> {
            assertThat(d.title()).contains("RPG");
            assertThat(d.producer()).isNotNull();
            assertThat(d.distributions()).isNotEmpty();
            assertThat(d.coverage().territories()).contains(new TerritoryRef(TerritoryLevel.DEPARTEMENT, "974"));
        });
    }

    @Test
    void podCatalogueMapsPublisherKeywordsAndFormats() {
        Outcome evian = harvest(SourceKind.DCAT, D + "udata/evian.json");
        DatasetDescription velos = evian.parsed().stream().filter(d -> d.title().equals("stationnement velos"))
                .findFirst().orElseThrow();
        assertThat(velos.description()).isEqualTo("Emplacement et description des stationnement vélos à Evian-les-Bains");
        assertThat(velos.producer().name()).isEqualTo("Ville d'Evian-les-Bains");
        assertThat(velos.producer().type()).isEqualTo(ProducerType.COMMUNE);
        assertThat(velos.keywords()).containsExactly("mobilite");
        assertThat(velos.formats()).contains("CSV", "HTML");
        assertThat(velos.licence()).contains("licence Etalab");
        assertThat(velos.modified()).isEqualTo("2022-07-29T11:29:07.556Z");
    }

    @Test
    void geometryOnlyRdfRecordIsKeptWithoutTerritory() {
        Outcome datara = harvest(SourceKind.DCAT, D + "udata/datara--5a26b0f6-0ccf-46ad-ac58-734054b91977.rdf.xml");
        assertThat(datara.parsed()).singleElement().satisfies(d -> {
            assertThat(d.title()).isNotBlank();
            assertThat(d.coverage().territories()).isEmpty();
        });
    }

    // --- paging from query parameters ------------------------------------------------------------------------------

    @Test
    void ckanPackageSearchIsPagedWithStartAndRowsUntilCountIsReached() {
        List<String> shows = List.of("canispaces----ville-de-gap", "cendriers----ville-de-gap",
                "corbeilles---ville-de-gap", "dechetteries-de-la-cagtd", "parkings-ville-de-gap",
                "point-d-apport-volontaire-pav-ca-gap-tallard-durance", "sacs-a-chien----ville-de-gap");
        List<tools.jackson.databind.JsonNode> packages = shows.stream()
                .map(s -> RealDataServer.readJson("ckan-api/datasud/package_show-" + s + ".json").get("result"))
                .toList();
        List<String> starts = new ArrayList<>();
        server.synthetic("/synth/gap/api/3/action/package_search", q -> {
            int start = Integer.parseInt(q.getOrDefault("start", "0"));
            int rows = Integer.parseInt(q.getOrDefault("rows", "10"));
            starts.add(start + "/" + rows);
            var results = RealDataServer.array();
            packages.subList(Math.min(start, packages.size()), Math.min(start + rows, packages.size()))
                    .forEach(results::add);
            var result = RealDataServer.object().put("count", packages.size());
            result.set("results", results);
            var body = RealDataServer.object().put("success", true);
            body.set("result", result);
            return RealDataServer.json(body);
        });
        Outcome outcome = harvest(SourceKind.CKAN, "/synth/gap/api/3/action/package_search?q=gap");
        assertThat(starts).containsExactly("0/3", "3/3", "6/3");
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.items()).extracting(a -> a.item().recordKey())
                .containsExactlyElementsOf(packages.stream().map(p -> p.get("id").asString()).toList());
    }

    @Test
    void udataPagesAreFollowedThroughNextPage() {
        var fixtures = RealDataServer.readJson("datagouv-api/udata/fixtures-results.json").get("datasets");
        List<tools.jackson.databind.JsonNode> datasets = new ArrayList<>();
        for (var entry : fixtures) {
            var dataset = ((tools.jackson.databind.node.ObjectNode) entry.get("dataset").deepCopy());
            dataset.set("organization", entry.get("organization"));
            dataset.set("resources", entry.get("resources"));
            datasets.add(dataset);
        }
        server.synthetic("/synth/udata/api/1/datasets/", q -> {
            int page = Integer.parseInt(q.getOrDefault("page", "1"));
            int size = Integer.parseInt(q.getOrDefault("page_size", "20"));
            var data = RealDataServer.array();
            int from = (page - 1) * size;
            datasets.subList(Math.min(from, datasets.size()), Math.min(from + size, datasets.size())).forEach(data::add);
            var body = RealDataServer.object();
            body.set("data", data);
            body.put("page", page).put("page_size", size).put("total", datasets.size());
            if (from + size < datasets.size()) {
                body.put("next_page", server.uri("/synth/udata/api/1/datasets/?page=" + (page + 1) + "&page_size="
                        + size).toString());
            } else {
                body.putNull("next_page");
            }
            return RealDataServer.json(body);
        });
        Outcome outcome = harvest(SourceKind.DATAGOUV, "/synth/udata/api/1/datasets/?page=1&page_size=4");
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.parsed()).hasSize(15);
        assertThat(outcome.parsed()).extracting(d -> d.producer().name()).contains("Métropole de Lyon");
    }

    @Test
    void dcatPagingStopsOnALoop() {
        String page = server.uri("/inline/loop.ttl").toString();
        server.inline("loop.ttl", 200, "text/turtle", """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix hydra: <http://www.w3.org/ns/hydra/core#> .
                <http://example.org/ds/1> a dcat:Dataset ; dct:title "Jeu en boucle"@fr .
                <%s> a hydra:PartialCollectionView ; hydra:next "%s" .
                """.formatted(page, page));
        Outcome outcome = harvest(SourceKind.DCAT, "/inline/loop.ttl");
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.parsed()).extracting(DatasetDescription::title).containsExactly("Jeu en boucle");
    }

    @Test
    void aBareIsoRecordDocumentIsOneRecord() throws Exception {
        var document = XmlSupport.parse(java.nio.file.Files.readAllBytes(
                RealDataServer.ROOT.resolve("geodcat-csw/udata/geoide-iso19139-single-dataset.xml")));
        var record = document.getElementsByTagNameNS("http://www.isotc211.org/2005/gmd", "MD_Metadata").item(0);
        server.inline("record.xml", 200, "application/xml", XmlSupport.serialize(record));
        Outcome outcome = harvest(SourceKind.CSW, "/inline/record.xml");
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.parsed()).singleElement().satisfies(d -> assertThat(d.title()).isNotBlank());
    }

    @Test
    void frenchDcatRecordMapsEveryField() {
        server.inline("angers.ttl", 200, "text/turtle; charset=utf-8", """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix locn: <http://www.w3.org/ns/locn#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <https://data.angers.fr/dataset/arbres> a dcat:Dataset ;
                    dct:identifier "arbres-angers" ;
                    dct:title "Street trees"@en , "Arbres d'alignement"@fr ;
                    dct:description "Inventaire des arbres d'alignement"@fr ;
                    dcat:landingPage <https://data.angers.fr/arbres> ;
                    dcat:keyword "arbres"@fr , "trees"@en , "patrimoine végétal"@fr ;
                    dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
                    dct:publisher [ a foaf:Organization ; foaf:name "Angers Loire Métropole" ;
                        dct:identifier "https://annuaire-entreprises.data.gouv.fr/entreprise/244900015" ] ;
                    dcat:contactPoint [ a vcard:Organization ; vcard:fn "Service SIG" ;
                        vcard:hasEmail <mailto:sig@angers.fr> ] ;
                    dct:license <https://www.etalab.gouv.fr/licence-ouverte-open-licence/> ;
                    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> ;
                    dct:spatial <http://id.insee.fr/geo/commune/49007> ,
                        [ a dct:Location ; skos:prefLabel "Maine-et-Loire" ] ,
                        [ a dct:Location ; locn:geometry "POINT(-0.55 47.47)" ] ;
                    dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2020-01-01"^^xsd:date ;
                        dcat:endDate "2023-12-31"^^xsd:date ] ;
                    dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL_2> ;
                    dct:issued "2020-03-01"^^xsd:date ;
                    dct:modified "2024-02-01T10:00:00+01:00"^^xsd:dateTime ;
                    dct:conformsTo <https://schema.data.gouv.fr/etalab/schema-arbres/0.2.0/> ;
                    dcat:distribution [ a dcat:Distribution ; dct:title "Export CSV" ;
                        dcat:downloadURL <https://data.angers.fr/arbres.csv> ;
                        dcat:mediaType <http://www.iana.org/assignments/media-types/text/csv> ;
                        dcat:byteSize "123456"^^xsd:decimal ] .
                <https://data.angers.fr/dataset/cadastre> a dcat:Dataset ; dct:title "Cadastre"@fr ;
                    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC> .
                <https://data.angers.fr/dataset/sans-droits> a dcat:Dataset ; dct:title "Sans droits déclarés" ;
                    dcat:inSeries <https://data.angers.fr/series/releves> .
                <https://data.angers.fr/dataset/membre-non-type> dct:title "Relevé 2024" ;
                    dcat:inSeries <https://data.angers.fr/series/releves> .
                <https://data.angers.fr/series/releves> a dcat:DatasetSeries ; dct:title "Relevés" .
                """);
        Outcome outcome = harvest(readers.get(SourceKind.DCAT), SourceKind.DCAT, "/inline/angers.ttl",
                AccessLevel.RESTRICTED);
        assertThat(outcome.failure()).isNull();
        DatasetDescription arbres = outcome.parsed("https://data.angers.fr/dataset/arbres");
        assertThat(arbres.sourceUri()).isEqualTo("https://data.angers.fr/dataset/arbres");
        assertThat(arbres.title()).isEqualTo("Arbres d'alignement");
        assertThat(arbres.landingPage()).isEqualTo("https://data.angers.fr/arbres");
        assertThat(arbres.keywords()).containsExactlyInAnyOrder("arbres", "patrimoine végétal");
        assertThat(arbres.themes()).containsExactly("http://publications.europa.eu/resource/authority/data-theme/ENVI");
        assertThat(arbres.producer().name()).isEqualTo("Angers Loire Métropole");
        assertThat(arbres.producer().siren()).isEqualTo("244900015");
        assertThat(arbres.producer().type()).isEqualTo(ProducerType.EPCI);
        assertThat(arbres.contactPoint().name()).isEqualTo("Service SIG");
        assertThat(arbres.contactPoint().email()).isEqualTo("sig@angers.fr");
        assertThat(arbres.licence()).isEqualTo("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        assertThat(arbres.accessLevel()).isEqualTo(AccessLevel.OPEN);
        assertThat(arbres.coverage().territories()).containsExactlyInAnyOrder(
                new TerritoryRef(TerritoryLevel.COMMUNE, "49007"), new TerritoryRef(TerritoryLevel.DEPARTEMENT, "49"));
        assertThat(arbres.temporal()).isEqualTo(new TemporalCoverage(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31)));
        assertThat(arbres.frequency()).isEqualTo(UpdateFrequency.SEMIANNUAL);
        assertThat(arbres.issued()).isEqualTo("2020-03-01T00:00:00Z");
        assertThat(arbres.modified()).isEqualTo("2024-02-01T09:00:00Z");
        assertThat(arbres.schema().id()).isEqualTo("etalab/schema-arbres");
        assertThat(arbres.schema().version()).isEqualTo("0.2.0");
        assertThat(arbres.distributions()).singleElement().satisfies(d -> {
            assertThat(d.format()).isEqualTo("CSV");
            assertThat(d.mediaType()).isEqualTo("text/csv");
            assertThat(d.byteSize()).isEqualTo(123456L);
            assertThat(d.downloadUrl()).isEqualTo("https://data.angers.fr/arbres.csv");
        });
        assertThat(outcome.parsed("https://data.angers.fr/dataset/cadastre").accessLevel())
                .isEqualTo(AccessLevel.RESTRICTED);
        // No access rights declared: the source's default (restricted here) applies.
        assertThat(outcome.parsed("https://data.angers.fr/dataset/sans-droits").accessLevel())
                .isEqualTo(AccessLevel.RESTRICTED);
        // Series members count as datasets even untyped; the series itself does not.
        assertThat(outcome.parsed("https://data.angers.fr/dataset/membre-non-type").title()).isEqualTo("Relevé 2024");
        assertThat(outcome.items()).hasSize(4);
    }

    @Test
    void aCkanServerIgnoringStartMakesTheSourceUnreadableInsteadOfLooping() {
        // count 7 but rows 3 asked: a server answering all 7 whatever start is would be read forever.
        var search = RealDataServer.readJson("ckan-api/datasud/package_search-gap-tallard-durance.json").deepCopy();
        ((tools.jackson.databind.node.ObjectNode) search.get("result")).put("count", 70);
        server.inline("stuck/api/3/action/package_search", 200, "application/json", search.toString());
        Outcome outcome = harvest(SourceKind.CKAN, "/inline/stuck/api/3/action/package_search");
        assertThat(outcome.parsed()).hasSize(7);
        assertThat(outcome.failure()).hasMessageContaining("pagination impossible");
    }

    @Test
    void readersSendAcceptHeadersAndFollowRedirects() {
        int before = server.accepts().size();
        Outcome moved = harvest(SourceKind.DCAT, "/moved/" + D + "udata/catalog.xml");
        assertThat(moved.failure()).isNull();
        assertThat(moved.parsed()).hasSize(4);
        assertThat(server.accepts().subList(before, server.accepts().size()))
                .allSatisfy(accept -> assertThat(accept).contains("application/rdf+xml").contains("text/turtle"));
        before = server.accepts().size();
        harvest(SourceKind.CKAN, "ckan-api/udata/ckan-dataset-1.json");
        assertThat(server.accepts().get(before)).isEqualTo("application/json");
        before = server.accepts().size();
        harvest(SourceKind.CSW, "geodcat-csw/udata/geoplateforme-iso19139-IGNF_RPG.xml");
        assertThat(server.accepts().get(before)).contains("application/xml");
    }

    @Test
    void rdfSyntaxIsSniffedWhenNeitherTypeNorExtensionTellsIt() throws Exception {
        server.inline("catalogue", 200, "application/octet-stream",
                java.nio.file.Files.readString(RealDataServer.ROOT.resolve(D + "udata/catalog.xml")));
        assertThat(harvest(SourceKind.DCAT, "/inline/catalogue").parsed()).hasSize(4);
        server.inline("export", 200, "text/plain", java.nio.file.Files.readString(
                RealDataServer.ROOT.resolve(D + "ckanext-dcat/dataset_afs.ttl")));
        assertThat(harvest(SourceKind.DCAT, "/inline/export").parsed()).hasSize(1);
        server.inline("flat", 200, "application/json", java.nio.file.Files.readString(
                RealDataServer.ROOT.resolve(D + "udata/flat.jsonld")));
        assertThat(harvest(SourceKind.DCAT, "/inline/flat").parsed()).hasSize(3);
    }

    // --- malformed input --------------------------------------------------------------------------------------------

    @Test
    void aTruncatedRdfFileMakesTheSourceUnreadable() throws Exception {
        String whole = java.nio.file.Files.readString(RealDataServer.ROOT.resolve(D + "udata/catalog.xml"));
        server.inline("truncated.rdf", 200, "application/rdf+xml", whole.substring(0, whole.length() / 2));
        Outcome outcome = harvest(SourceKind.DCAT, "/inline/truncated.rdf");
        assertThat(outcome.items()).isEmpty();
        assertThat(outcome.failure()).hasMessageContaining("illisible");
    }

    @Test
    void aDcatDatasetWithoutTitleIsFailedWithItsTurtleAndTheOthersAreRead() {
        server.inline("notitle.ttl", 200, "text/turtle", """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <http://example.org/ds/ok> a dcat:Dataset ; dct:title "Arrêtés municipaux"@fr , "By-laws"@en .
                <http://example.org/ds/untitled> a dcat:Dataset ; dct:description "Sans titre" ;
                    dcat:keyword "mystère" .
                """);
        Outcome outcome = harvest(SourceKind.DCAT, "/inline/notitle.ttl");
        assertThat(outcome.parsed()).extracting(DatasetDescription::title).containsExactly("Arrêtés municipaux");
        assertThat(outcome.failed()).singleElement().satisfies(f -> {
            assertThat(f.recordKey()).isEqualTo("http://example.org/ds/untitled");
            assertThat(f.reason()).contains("pas de titre");
            assertThat(f.raw()).contains("http://example.org/ds/untitled").contains("mystère");
        });
    }

    @Test
    void aJsonRecordWithoutTitleIsFailedAndTheOthersAreRead() {
        var search = RealDataServer.readJson("ckan-api/datasud/package_search-gap-tallard-durance.json").deepCopy();
        var results = (tools.jackson.databind.node.ArrayNode) search.get("result").get("results");
        ((tools.jackson.databind.node.ObjectNode) results.get(2)).remove("title");
        String broken = results.get(2).get("id").asString();
        server.inline("notitle/api/3/action/package_search", 200, "application/json", search.toString());
        Outcome outcome = harvest(SourceKind.CKAN, "/inline/notitle/api/3/action/package_search");
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.parsed()).hasSize(6);
        assertThat(outcome.failed()).singleElement().satisfies(f -> {
            assertThat(f.recordKey()).isEqualTo(broken);
            assertThat(f.reason()).contains("pas de titre");
            assertThat(f.raw()).contains(broken);
        });
    }

    @Test
    void anHtmlErrorPageMakesEverySourceKindUnreadable() {
        server.inline("error.html", 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Service indisponible</body></html>");
        server.inline("error500", 500, "text/html", "<html><body>Internal Server Error</body></html>");
        for (SourceKind kind : SourceKind.values()) {
            for (String path : List.of("/inline/error.html", "/inline/error500", "/real/missing-file.json")) {
                Outcome outcome = harvest(kind, path);
                assertThat(outcome.items()).as(kind + " " + path).isEmpty();
                assertThat(outcome.failure()).as(kind + " " + path).isNotNull();
                assertThat(outcome.failure().getMessage()).as(kind + " " + path).isNotBlank();
            }
        }
    }

    @Test
    void truncatedJsonAndCswExceptionsMakeTheSourceUnreadable() throws Exception {
        String irigo = java.nio.file.Files.readString(RealDataServer.ROOT.resolve(
                "datagouv-api/transport-site/api1-dataset-irigo-gtfs.body.json"));
        server.inline("truncated.json", 200, "application/json", irigo.substring(0, irigo.length() / 3));
        for (SourceKind kind : List.of(SourceKind.DATAGOUV, SourceKind.CKAN, SourceKind.DCAT)) {
            Outcome outcome = harvest(kind, "/inline/truncated.json");
            assertThat(outcome.items()).as(kind.name()).isEmpty();
            assertThat(outcome.failure()).as(kind.name()).hasMessageContaining("JSON");
        }
        server.inline("csw-exception", 200, "application/xml", """
                <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.0.0">
                  <ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Index en reconstruction</ows:ExceptionText></ows:Exception>
                </ows:ExceptionReport>""");
        assertThat(harvest(SourceKind.CSW, "/inline/csw-exception").failure()).hasMessageContaining("Index en reconstruction");
        server.inline("csw-truncated", 200, "application/xml", java.nio.file.Files.readString(RealDataServer.ROOT
                .resolve("geodcat-csw/udata/geonetwork-iso19139-page-1.xml")).substring(0, 30_000));
        Outcome truncated = harvest(SourceKind.CSW, "/inline/csw-truncated");
        assertThat(truncated.items()).isEmpty();
        assertThat(truncated.failure()).hasMessageContaining("XML bien formé");
    }

    @Test
    void anUnreachablePortMakesTheSourceUnreadable() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        Map<SourceKind, SourceReader> direct = HarvestFixtures.readers(null, 100);
        for (SourceKind kind : SourceKind.values()) {
            assertThatThrownBy(() -> direct.get(kind).read(new HarvestSource("down", "Source éteinte", kind,
                    URI.create("http://127.0.0.1:" + closed + "/catalog"), null, true, null, null), item -> {
                        throw new AssertionError("no record expected");
                    }))
                    .as(kind.name())
                    .isInstanceOf(SourceUnreadableException.class)
                    .hasMessageContaining("injoignable");
        }
    }
}
