package fr.dataterritoires.datasetsearch.web.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import fr.dataterritoires.datasetsearch.support.ExportCatalogueTest;
import fr.dataterritoires.platform.audit.AuditTrail;

/**
 * The DCAT-AP endpoints over HTTP, anonymous, reading the catalogue from PostgreSQL: whole catalogue in Turtle and
 * JSON-LD, pages with Hydra links and content negotiation, one dataset; bad requests get 4xx problems.
 */
@ExportCatalogueTest
class DcatEndpointsTest {

    private static final String CATALOG = "https://data-territoires.gouv.fr/catalogue";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theWholeCatalogueIsServedInTurtleAndJsonLdWithTheSameGraph() throws Exception {
        HttpResponse<byte[]> turtle = get("/catalog.ttl", null);
        assertThat(turtle.statusCode()).isEqualTo(200);
        assertThat(turtle.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
        Model fromTurtle = parse(turtle.body(), Lang.TURTLE);
        assertThat(datasets(fromTurtle)).hasSize(ExportFixtures.publishedCount())
                .doesNotContain(CATALOG + "/datasets/" + ExportFixtures.WITHDRAWN);
        // What PostgreSQL gives back still conforms once exported.
        DcatShapes.assertConforms(fromTurtle, "served Turtle");

        HttpResponse<byte[]> jsonLd = get("/catalog.jsonld", null);
        assertThat(jsonLd.statusCode()).isEqualTo(200);
        assertThat(jsonLd.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(parse(jsonLd.body(), Lang.JSONLD11).isIsomorphicWith(fromTurtle)).isTrue();
    }

    @Test
    void aHarvesterSendingBackTheETagGets304UntilTheCatalogueChanges() throws Exception {
        HttpResponse<byte[]> first = get("/catalog.ttl", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = conditional("/catalog.ttl", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // another syntax, another page: another representation, another tag
        assertThat(get("/catalog.jsonld", null).headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        String page = get("/api/catalog?page=1&size=4", "text/turtle").headers().firstValue("ETag").orElseThrow();
        assertThat(conditional("/api/catalog?page=1&size=4", page).statusCode()).isEqualTo(304);
        assertThat(conditional("/api/catalog?page=2&size=4", page).statusCode()).isEqualTo(200);

        // any audited change moves the version: the catalogue is read again
        transactions.executeWithoutResult(status -> audit.record("dataset-search", "dataset.updated", "Dataset",
                ExportFixtures.IRVE.toString(), java.util.Map.of("title", "avant"), java.util.Map.of("title", "après")));
        HttpResponse<byte[]> changed = conditional("/catalog.ttl", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(changed.body()).isNotEmpty();
    }

    private HttpResponse<byte[]> conditional(String path, String etag) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("If-None-Match", etag).header("Accept", "text/turtle").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pagesCarryHydraLinksUntilTheLastOne() throws Exception {
        HttpResponse<byte[]> first = get("/api/catalog?page=1&size=4", "application/rdf+xml");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rdf+xml");
        Model page1 = parse(first.body(), Lang.RDFXML);
        assertThat(datasets(page1)).hasSize(4);
        Resource view = page1.listSubjectsWithProperty(RDF.type, Vocabulary.HYDRA_VIEW).next();
        assertThat(view.getURI()).endsWith("/api/catalog?page=1&size=4");
        String next = page1.getProperty(view, Vocabulary.HYDRA_NEXT).getResource().getURI();
        assertThat(next).endsWith("/api/catalog?page=2&size=4");
        assertThat(page1.getProperty(page1.createResource(CATALOG), Vocabulary.HYDRA_TOTAL).getLong()).isEqualTo(6);

        HttpResponse<byte[]> second = get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery(),
                "application/ld+json");
        assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        Model page2 = parse(second.body(), Lang.JSONLD11);
        assertThat(datasets(page2)).hasSize(2).doesNotContainAnyElementsOf(datasets(page1));
        Resource lastView = page2.listSubjectsWithProperty(RDF.type, Vocabulary.HYDRA_VIEW).next();
        assertThat(page2.contains(lastView, Vocabulary.HYDRA_NEXT)).isFalse();
        assertThat(page2.getProperty(lastView, Vocabulary.HYDRA_PREVIOUS).getResource().getURI())
                .endsWith("page=1&size=4");
    }

    @Test
    void contentNegotiationPicksTheBestOfferedSyntax() throws Exception {
        assertThat(contentType(get("/api/catalog?size=1", null))).startsWith("text/turtle");
        assertThat(contentType(get("/api/catalog?size=1", "*/*"))).startsWith("text/turtle");
        assertThat(contentType(get("/api/catalog?size=1", "text/html;q=0.9, application/ld+json")))
                .startsWith("application/ld+json");
        assertThat(contentType(get("/api/catalog?size=1", "application/rdf+xml;q=0.5, text/turtle;q=0.8")))
                .startsWith("text/turtle");
        assertThat(contentType(get("/api/catalog?size=1&format=rdf", "text/turtle"))).startsWith("application/rdf+xml");
        HttpResponse<byte[]> html = get("/api/catalog?size=1", "text/html");
        assertThat(html.statusCode()).isEqualTo(406);
    }

    @Test
    void oneDatasetIsServedAloneAndAnUnknownOneIs404() throws Exception {
        HttpResponse<byte[]> turtle = get("/api/datasets/" + ExportFixtures.IRVE + ".ttl", null);
        assertThat(turtle.statusCode()).isEqualTo(200);
        Model model = parse(turtle.body(), Lang.TURTLE);
        assertThat(datasets(model)).isEmpty();
        assertThat(model.contains(model.createResource(CATALOG + "/datasets/" + ExportFixtures.IRVE), RDF.type,
                Vocabulary.DATASET)).isTrue();
        assertThat(get("/api/catalog/datasets/" + ExportFixtures.IRVE, "application/ld+json").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> withdrawn = get("/api/datasets/" + ExportFixtures.WITHDRAWN + ".jsonld", null);
        assertThat(withdrawn.statusCode()).isEqualTo(404);
        assertThat(contentType(withdrawn)).startsWith("application/problem+json");
        assertThat(get("/api/datasets/00000000-0000-4000-8000-000000000000.ttl", null).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsGet4xxProblemsNever5xx() throws Exception {
        for (String path : List.of("/api/catalog?size=1001", "/api/catalog?size=0", "/api/catalog?page=0",
                "/api/catalog?page=abc", "/api/catalog?size=-5", "/api/catalog?format=pdf",
                "/api/catalog/datasets/pas-un-id", "/api/datasets/pas-un-id.ttl")) {
            HttpResponse<byte[]> response = get(path, null);
            assertThat(response.statusCode()).as(path).isBetween(400, 499);
            assertThat(contentType(response)).as(path).startsWith("application/problem+json");
        }
        assertThat(get("/api/catalog?size=1001", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/catalog?page=99&size=1000", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static Model parse(byte[] body, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(model);
        return model;
    }

    private static List<String> datasets(Model model) {
        return model.listObjectsOfProperty(model.createResource(CATALOG), Vocabulary.DATASET_P)
                .mapWith(node -> node.asResource().getURI()).toList();
    }
}
