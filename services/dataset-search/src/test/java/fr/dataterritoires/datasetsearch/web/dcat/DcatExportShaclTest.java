package fr.dataterritoires.datasetsearch.web.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.web.dcat.CatalogueWriter.Syntax;

/**
 * The exported catalogue, written in Turtle and in JSON-LD and read back, conforms to the official DCAT-AP 3.0.1
 * SHACL shapes (dcat-ap-SHACL.ttl with ranges.ttl) with no violation; a hand-made violation is caught, so the check
 * is not vacuous.
 */
class DcatExportShaclTest {

    private static final String BASE = "https://catalogue.test.data-territoires.fr";
    private static Shapes shapes;
    private static Model turtle;
    private static Model jsonLd;

    @BeforeAll
    static void export() {
        shapes = DcatShapes.get();
        byte[] ttl = write(Syntax.TURTLE);
        turtle = parse(ttl, Lang.TURTLE);
        jsonLd = parse(write(Syntax.JSON_LD), Lang.JSONLD11);
    }

    static CatalogueProperties properties() {
        return new CatalogueProperties(BASE, "Catalogue de test", "Catalogue des tests d'export.", "Data Territoires",
                "", "https://data-territoires.test/", LocalDate.of(2026, 1, 1));
    }

    private static byte[] write(Syntax syntax) {
        var out = new ByteArrayOutputStream();
        // Fed straight from the fixtures: this test is about the mapping, the web tests read from PostgreSQL.
        new CatalogueWriter(null, new DcatExportMapper(properties()))
                .writeAll(syntax, out, consumer -> ExportFixtures.all().forEach(consumer), ExportFixtures.NOW);
        return out.toByteArray();
    }

    private static Model parse(byte[] bytes, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(bytes)).lang(lang).strict(true).parse(model);
        return model;
    }

    @Test
    void turtleConformsToTheDcatAp3Shapes() {
        assertNoViolation(turtle, "Turtle");
    }

    @Test
    void jsonLdConformsToTheDcatAp3Shapes() {
        assertNoViolation(jsonLd, "JSON-LD");
    }

    @Test
    void turtleAndJsonLdCarryTheSameGraph() {
        assertThat(turtle.size()).isGreaterThan(200);
        assertThat(turtle.isIsomorphicWith(jsonLd)).as("Turtle and JSON-LD graphs are the same").isTrue();
    }

    @Test
    void everyPublishedDatasetIsInTheCatalogueAndTheWithdrawnOneIsNot() {
        Resource catalog = turtle.createResource(BASE);
        assertThat(turtle.contains(catalog, RDF.type, Vocabulary.CATALOG)).isTrue();
        List<String> datasets = turtle.listObjectsOfProperty(catalog, Vocabulary.DATASET_P)
                .mapWith(node -> node.asResource().getURI()).toList();
        assertThat(datasets).hasSize(ExportFixtures.publishedCount())
                .contains(BASE + "/datasets/" + ExportFixtures.PARKINGS, BASE + "/datasets/" + ExportFixtures.IRVE)
                .doesNotContain(BASE + "/datasets/" + ExportFixtures.WITHDRAWN);
        assertThat(turtle.listSubjectsWithProperty(RDF.type, Vocabulary.DATASET).toList()).hasSize(6);
        // The catalogue's last modification is the latest dataset change (IRVE, 2026-11-28).
        assertThat(turtle.getProperty(catalog, Vocabulary.MODIFIED).getLiteral().getLexicalForm())
                .isEqualTo("2026-11-28T04:12:00Z");
    }

    @Test
    void theRealCkanRecordIsMappedToControlledVocabularies() {
        Resource parkings = dataset(ExportFixtures.PARKINGS);
        assertThat(literal(parkings, Vocabulary.TITLE).getLanguage()).isEqualTo("fr");
        assertThat(literal(parkings, Vocabulary.TITLE).getString()).isEqualTo("Parcs de stationnement de la Ville de Gap");
        assertThat(iris(parkings, Vocabulary.THEME))
                .containsExactly("http://publications.europa.eu/resource/authority/data-theme/TRAN");
        assertThat(iris(parkings, Vocabulary.SPATIAL)).containsExactly("http://id.insee.fr/geo/commune/05061");
        assertThat(turtle.getProperty(turtle.createResource("http://id.insee.fr/geo/commune/05061"),
                Vocabulary.PREF_LABEL).getString()).isEqualTo("Gap");
        assertThat(iris(parkings, Vocabulary.ACCESS_RIGHTS))
                .containsExactly("http://publications.europa.eu/resource/authority/access-right/PUBLIC");
        assertThat(iris(parkings, Vocabulary.ACCRUAL_PERIODICITY))
                .containsExactly("http://publications.europa.eu/resource/authority/frequency/IRREG");
        List<Resource> distributions = turtle.listObjectsOfProperty(parkings, Vocabulary.DISTRIBUTION_P)
                .mapWith(node -> node.asResource()).toList();
        assertThat(distributions).hasSize(3);
        assertThat(distributions.stream().flatMap(d -> iris(d, Vocabulary.FORMAT).stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("http://publications.europa.eu/resource/authority/file-type/SHP",
                        "http://publications.europa.eu/resource/authority/file-type/WMS_SRVC",
                        "http://publications.europa.eu/resource/authority/file-type/WFS_SRVC");
        assertThat(distributions.stream().flatMap(d -> iris(d, Vocabulary.LICENSE).stream()).distinct())
                .containsExactly("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        assertThat(distributions.stream().flatMap(d -> iris(d, Vocabulary.MEDIA_TYPE).stream()))
                .containsExactly("https://www.iana.org/assignments/media-types/application/zip");
    }

    @Test
    void datesAreTypedAndThePeriodUsesDcatDates() {
        Resource irve = dataset(ExportFixtures.IRVE);
        assertThat(literal(irve, Vocabulary.MODIFIED).getDatatypeURI()).isEqualTo(Vocabulary.XSD + "dateTime");
        Resource period = turtle.getProperty(irve, Vocabulary.TEMPORAL).getResource();
        assertThat(turtle.contains(period, RDF.type, Vocabulary.PERIOD_OF_TIME)).isTrue();
        Literal start = turtle.getProperty(period, Vocabulary.START_DATE).getLiteral();
        assertThat(start.getDatatypeURI()).isEqualTo(Vocabulary.XSD + "date");
        assertThat(start.getLexicalForm()).isEqualTo("2024-01-01");
        assertThat(iris(irve, Vocabulary.CONFORMS_TO))
                .containsExactly("https://schema.data.gouv.fr/etalab/schema-irve-statique/2.3.1/");
        assertThat(iris(irve, Vocabulary.SPATIAL))
                .containsExactly("http://publications.europa.eu/resource/authority/country/FRA");
        assertThat(iris(irve, Vocabulary.THEME)).containsExactlyInAnyOrder(
                "http://publications.europa.eu/resource/authority/data-theme/TRAN",
                "http://publications.europa.eu/resource/authority/data-theme/ENER");
        Resource publisher = turtle.getProperty(irve, Vocabulary.PUBLISHER).getResource();
        assertThat(turtle.getProperty(publisher, Vocabulary.IDENTIFIER).getString()).isEqualTo("130025265");
        assertThat(iris(publisher, Vocabulary.TYPE)).containsExactly("http://purl.org/adms/publishertype/NationalAuthority");
    }

    @Test
    void aDatasetWithoutDescriptionGetsTheFrenchFallbackAndAccessLevelsMapToEuAccessRights() {
        Resource shared = dataset(ExportFixtures.SHARED_NO_DESCRIPTION);
        assertThat(literal(shared, Vocabulary.DESCRIPTION).getString())
                .startsWith("Jeu de données « Consommations d'eau des bâtiments intercommunaux »")
                .contains("sans description à la source");
        assertThat(iris(shared, Vocabulary.ACCESS_RIGHTS))
                .containsExactly("http://publications.europa.eu/resource/authority/access-right/RESTRICTED");
        assertThat(iris(shared, Vocabulary.PAGE)).containsExactly("https://espace-donnees.example.fr/adhesion");
        Resource restricted = dataset(ExportFixtures.RESTRICTED);
        assertThat(iris(restricted, Vocabulary.ACCESS_RIGHTS))
                .containsExactly("http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC");
        assertThat(iris(restricted, Vocabulary.DISTRIBUTION_P)).isEmpty();
        // A label no EU theme fits stays a keyword; a foreign theme IRI is not claimed as an EU theme.
        assertThat(turtle.listObjectsOfProperty(restricted, Vocabulary.KEYWORD).mapWith(n -> n.asLiteral().getString())
                .toList()).contains("Thématique à trier");
        assertThat(iris(restricted, Vocabulary.THEME)).isEmpty();
        assertThat(iris(restricted, Vocabulary.SPATIAL)).containsExactly("http://id.insee.fr/geo/departement/2A");
    }

    @Test
    void sloppyAddressesAreRepairedOrLeftOutNeverWrittenAsBrokenIris() {
        Resource sloppy = dataset(ExportFixtures.SLOPPY);
        List<Resource> distributions = turtle.listObjectsOfProperty(sloppy, Vocabulary.DISTRIBUTION_P)
                .mapWith(node -> node.asResource()).toList();
        assertThat(distributions).hasSize(3);
        assertThat(distributions.stream().flatMap(d -> iris(d, Vocabulary.ACCESS_URL).stream()))
                .contains("https://opendata.example-ville.fr/files/lovac%202024.csv")
                .doesNotContain("not a url");
        assertThat(iris(sloppy, Vocabulary.LANDING_PAGE))
                .containsExactly("https://opendata.example-ville.fr/explore/dataset/iris-logements/%20page");
        assertThat(iris(sloppy, Vocabulary.SPATIAL)).containsExactlyInAnyOrder(
                "http://id.insee.fr/geo/iris/751010101", "https://sig.ville.gouv.fr/territoire/QN07501M",
                "http://id.insee.fr/geo/region/11");
        assertThat(iris(sloppy, Vocabulary.ACCRUAL_PERIODICITY))
                .containsExactly("http://publications.europa.eu/resource/authority/frequency/NEVER");
        // The contact has neither a usable e-mail nor a usable URL but keeps its name.
        Resource contact = turtle.getProperty(sloppy, Vocabulary.CONTACT_POINT).getResource();
        assertThat(turtle.listStatements(contact, Vocabulary.HAS_EMAIL, (org.apache.jena.rdf.model.RDFNode) null).toList()).isEmpty();
        assertThat(turtle.getProperty(contact, Vocabulary.FN).getString()).isEqualTo("Service SIG");
        assertThat(distributions.stream().flatMap(d -> iris(d, Vocabulary.LICENSE).stream()).distinct())
                .containsExactly(BASE + "/licences/licence-maison-de-la-commune");
    }

    @Test
    void theShownDescriptionOfADatasetSeenTwiceIsTheBetterOne() {
        Resource merged = dataset(ExportFixtures.TWO_SOURCES);
        assertThat(literal(merged, Vocabulary.DESCRIPTION).getString()).startsWith("Localisation, horaires");
        assertThat(iris(merged, Vocabulary.THEME))
                .containsExactly("http://publications.europa.eu/resource/authority/data-theme/ENVI");
    }

    @Test
    void theValidatorCatchesADistributionWithoutAccessUrl() {
        Model broken = ModelFactory.createDefaultModel().add(turtle);
        Resource distribution = broken.createResource(BASE + "/datasets/" + ExportFixtures.IRVE + "/distributions/99",
                Vocabulary.DISTRIBUTION).addProperty(Vocabulary.TITLE, "Sans adresse", "fr");
        broken.createResource(BASE + "/datasets/" + ExportFixtures.IRVE).addProperty(Vocabulary.DISTRIBUTION_P, distribution);
        ValidationReport report = ShaclValidator.get().validate(shapes, broken.getGraph());
        List<ReportEntry> violations = violations(report);
        assertThat(violations).hasSize(1);
        assertThat(violations.getFirst().focusNode().getURI()).isEqualTo(distribution.getURI());
        assertThat(violations.getFirst().resultPath().toString()).contains("accessURL");
    }

    @Test
    void theValidatorCatchesAThemeThatIsNotAConceptWithALabel() {
        Model broken = ModelFactory.createDefaultModel().add(turtle);
        broken.createResource(BASE + "/datasets/" + ExportFixtures.IRVE)
                .addProperty(Vocabulary.THEME, broken.createResource("https://example.org/theme/libre"));
        ValidationReport report = ShaclValidator.get().validate(shapes, broken.getGraph());
        assertThat(violations(report)).extracting(entry -> entry.resultPath().toString())
                .anyMatch(path -> path.contains("theme"));
    }

    /**
     * The "recommended" shapes of DCAT-AP 3.0.1 (warnings): listed for the reader; a fully described dataset (IRVE)
     * raises none, a dataset whose source gives no distribution does.
     */
    @Test
    void recommendedPropertiesAreListedAsWarnings() {
        Shapes recommended = Shapes.parse(org.apache.jena.riot.RDFDataMgr.loadGraph(
                RealDataFiles.file("dcat-ap-shacl/3.0.1/html-shacl/shapes_recommended.ttl").toString()));
        ValidationReport report = ShaclValidator.get().validate(recommended, turtle.getGraph());
        report.getEntries().forEach(entry -> System.out.println("[DCAT-AP recommended " + entry.severity().level().getLocalName() + "] "
                + entry.focusNode() + " " + entry.resultPath() + ": " + entry.message()));
        List<String> focus = report.getEntries().stream().map(entry -> entry.focusNode().toString()).toList();
        assertThat(focus).doesNotContain(BASE + "/datasets/" + ExportFixtures.IRVE);
        assertThat(report.getEntries()).filteredOn(entry -> entry.focusNode().toString()
                        .equals(BASE + "/datasets/" + ExportFixtures.RESTRICTED))
                .extracting(entry -> entry.resultPath().toString()).anyMatch(path -> path.contains("distribution"));
    }

    private static void assertNoViolation(Model model, String syntax) {
        DcatShapes.assertConforms(model, syntax);
    }

    private static List<ReportEntry> violations(ValidationReport report) {
        return DcatShapes.violations(report);
    }

    /**
     * The whole catalogue is written as it is read: with thousands of datasets, most of the output has left before
     * the last dataset is read, so memory does not grow with the catalogue.
     */
    @Test
    void theWholeCatalogueIsWrittenWhileItIsRead() {
        for (Syntax syntax : List.of(Syntax.TURTLE, Syntax.JSON_LD)) {
            var out = new ByteArrayOutputStream();
            int count = 1500;
            long[] writtenBeforeLast = {-1};
            Dataset template = ExportFixtures.irve();
            new CatalogueWriter(null, new DcatExportMapper(properties())).writeAll(syntax, out, consumer -> {
                for (int i = 0; i < count; i++) {
                    if (i == count - 1) {
                        writtenBeforeLast[0] = out.size();
                    }
                    consumer.accept(new Dataset(new fr.dataterritoires.datasetsearch.domain.DatasetId(
                            new java.util.UUID(42, i)), template.provenance(), Dataset.Status.PUBLISHED,
                            null, ExportFixtures.SEEN, null, 0));
                }
            }, ExportFixtures.NOW);
            assertThat(writtenBeforeLast[0]).as(syntax + " bytes out before the last dataset")
                    .isGreaterThan(out.size() * 9L / 10);
            String text = utf8(out.toByteArray());
            String datasetType = syntax == Syntax.TURTLE ? "rdf:type                dcat:Dataset" : "\"@type\":[\"dcat:Dataset\"]";
            assertThat(text.split(java.util.regex.Pattern.quote(datasetType), -1)).hasSize(count + 1);
            assertThat(text).contains(BASE + "/datasets/" + new java.util.UUID(42, count - 1));
        }
    }

    private static Resource dataset(Object id) {
        Resource dataset = turtle.createResource(BASE + "/datasets/" + id);
        assertThat(turtle.contains(dataset, RDF.type, Vocabulary.DATASET)).as("dataset " + id).isTrue();
        return dataset;
    }

    private static Literal literal(Resource subject, org.apache.jena.rdf.model.Property property) {
        return turtle.getProperty(subject, property).getLiteral();
    }

    private static List<String> iris(Resource subject, org.apache.jena.rdf.model.Property property) {
        return turtle.listObjectsOfProperty(subject, property).mapWith(node -> node.asResource().getURI()).toList();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
