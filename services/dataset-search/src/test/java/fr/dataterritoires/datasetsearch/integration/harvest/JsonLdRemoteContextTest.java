package fr.dataterritoires.datasetsearch.integration.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.application.harvest.SourceUnreadableException;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;

/**
 * JSON-LD catalogues that name their {@code @context} by address: the context is fetched by the harvester's own HTTP
 * client (its user agent, timeouts and proxy), once for all the pages of a run, and a context that cannot be fetched
 * makes the page unreadable with a reason that names it.
 */
class JsonLdRemoteContextTest {

    static final String CONTEXT = """
            {"@context": {
              "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
              "Catalog": "dcat:Catalog", "Dataset": "dcat:Dataset",
              "dataset": {"@id": "dcat:dataset", "@type": "@id"},
              "title": {"@id": "dct:title", "@language": "fr"},
              "description": {"@id": "dct:description", "@language": "fr"},
              "identifier": "dct:identifier"}}
            """;

    HttpServer server;
    final Map<String, String> pages = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            String body = pages.get(path);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/ld+json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String catalogue(String context, String... titles) {
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            graph.append(i == 0 ? "" : ",").append("""
                    {"@id": "https://data.exemple.fr/jeux/%d", "@type": "Dataset", "identifier": "jeu-%d",
                     "title": "%s", "description": "Jeu de données publié par la collectivité."}"""
                    .formatted(i, i, titles[i]));
        }
        return """
                {"@context": "%s", "@graph": [
                  {"@id": "https://data.exemple.fr/catalogue", "@type": "Catalog"}, %s]}
                """.formatted(context, graph);
    }

    List<HarvestItem> harvest(String path) {
        return harvest(HarvestFixtures.readers(null, 50).get(SourceKind.DCAT), path);
    }

    List<HarvestItem> harvest(SourceReader reader, String path) {
        List<HarvestItem> items = new ArrayList<>();
        reader.read(new HarvestSource("jsonld", "Catalogue JSON-LD", SourceKind.DCAT, URI.create(base + path), null,
                true, AccessLevel.OPEN, null), items::add);
        return items;
    }

    @Test
    void aRemoteContextIsFetchedByTheHarvesterAndKeptForTheNextRuns() {
        pages.put("/contexts/dcat.jsonld", CONTEXT);
        pages.put("/catalogue.jsonld", catalogue(base + "/contexts/dcat.jsonld",
                "Points de recharge pour véhicules électriques", "Base adresse locale"));
        SourceReader reader = HarvestFixtures.readers(null, 50).get(SourceKind.DCAT);

        List<HarvestItem> items = harvest(reader, "/catalogue.jsonld");
        assertThat(harvest(reader, "/catalogue.jsonld")).hasSize(2);

        assertThat(items).allMatch(i -> i instanceof HarvestItem.Parsed);
        assertThat(items).extracting(i -> ((HarvestItem.Parsed) i).description().title())
                .containsExactlyInAnyOrder("Points de recharge pour véhicules électriques", "Base adresse locale");
        assertThat(requests).containsExactly("/catalogue.jsonld", "/contexts/dcat.jsonld", "/catalogue.jsonld");
        assertThat(userAgents).as("the harvester's own client").allMatch(ua -> ua.contains("data-territoires"));
    }

    @Test
    void aContextThatCannotBeFetchedMakesThePageUnreadableAndSaysWhich() {
        pages.put("/catalogue.jsonld", catalogue(base + "/contexts/absent.jsonld", "Plan local d'urbanisme"));

        assertThatThrownBy(() -> harvest("/catalogue.jsonld"))
                .isInstanceOf(SourceUnreadableException.class)
                .hasMessageContaining("contexte JSON-LD " + base + "/contexts/absent.jsonld")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void aContextOutsideHttpIsNeverRead() {
        pages.put("/catalogue.jsonld", catalogue("file:///etc/passwd", "Plan local d'urbanisme"));

        assertThatThrownBy(() -> harvest("/catalogue.jsonld"))
                .isInstanceOf(SourceUnreadableException.class)
                .hasMessageContaining("seules les adresses http et https sont chargées");
        assertThat(requests).containsExactly("/catalogue.jsonld");
    }
}
