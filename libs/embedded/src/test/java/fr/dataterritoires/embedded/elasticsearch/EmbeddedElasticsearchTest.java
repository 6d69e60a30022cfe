package fr.dataterritoires.embedded.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real embedded node, reached through the official client, with the shared French analysis settings of
 * {@code libs/contracts}. The node is started once for the class: it takes seconds and some hundreds of MB.
 */
class EmbeddedElasticsearchTest {

    private static final String INDEX = "datasets";

    @TempDir
    static Path workDir;

    private static EmbeddedElasticsearch node;
    private static ElasticsearchClient client;

    @BeforeAll
    static void startNodeAndIndexDocuments() throws IOException {
        node = EmbeddedElasticsearch.start(workDir);
        client = ElasticsearchClient.of(b -> b.host(node.httpUrl()));

        String body = """
            {
              "settings": {
                "number_of_shards": 1,
                "number_of_replicas": 0,
                %s
              },
              "mappings": {
                "properties": {
                  "title": { "type": "text", "analyzer": "french_index", "search_analyzer": "french_search" }
                }
              }
            }
            """.formatted(analysisBlock());
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(body)));

        Map<String, String> documents = Map.of(
            "donnees", "Catalogue des données ouvertes du territoire",
            "eau", "Qualité de l'eau potable",
            "communes", "Liste des communes de la région",
            "plu", "Zonage du PLU de Lyon",
            "plan-local", "Plan local d'urbanisme de Grenoble",
            "velo", "Plan vélo de la métropole",
            "dvf", "Fichier DVF géolocalisé",
            "valeurs-foncieres", "Demandes de valeurs foncières 2024"
        );
        for (Map.Entry<String, String> doc : documents.entrySet()) {
            client.index(i -> i.index(INDEX).id(doc.getKey()).document(Map.of("title", doc.getValue())).refresh(Refresh.WaitFor));
        }
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    /** The {@code "analysis": {...}} member of the shared resource, to be merged into the index settings. */
    private static String analysisBlock() throws IOException {
        try (InputStream in = EmbeddedElasticsearchTest.class.getResourceAsStream("/elasticsearch/french-analysis.json")) {
            assertThat(in).as("french-analysis.json from libs/contracts").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            // the resource is one object holding only "analysis": drop its outer braces
            return json.substring(1, json.length() - 1);
        }
    }

    private static Set<String> search(String text) throws IOException {
        return client.search(s -> s.index(INDEX).query(q -> q.match(m -> m.field("title").query(text))), Map.class)
            .hits()
            .hits()
            .stream()
            .map(Hit::id)
            .collect(Collectors.toSet());
    }

    @Test
    void rootAnswersWithTheServerVersionSoTheClientInfoWorks() throws Exception {
        InfoResponse info = client.info();
        assertThat(info.version().number()).isEqualTo("9.5.3");
        assertThat(info.version().luceneVersion()).isEqualTo("10.5.1");
        assertThat(info.clusterName()).isEqualTo("data-territoires-embedded");
        assertThat(info.clusterUuid()).isNotBlank();
        assertThat(client.ping().value()).isTrue();

        HttpResponse<String> root = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(node.httpUrl() + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("\"number\":\"9.5.3\"");
    }

    @Test
    void httpUrlIsOnLoopbackWithTheBoundPort() {
        assertThat(node.httpPort()).isPositive();
        assertThat(node.httpUrl()).isEqualTo("http://127.0.0.1:" + node.httpPort());
    }

    @Test
    void unaccentedQueryFindsAccentedText() throws IOException {
        assertThat(search("donnees")).containsExactly("donnees");
    }

    @Test
    void elidedArticleIsRemoved() throws IOException {
        assertThat(search("eau")).containsExactly("eau");
    }

    @Test
    void singularFindsPlural() throws IOException {
        assertThat(search("commune")).containsExactly("communes");
    }

    @Test
    void expansionFindsTheAcronym() throws IOException {
        assertThat(search("plan local d'urbanisme")).containsExactlyInAnyOrder("plu", "plan-local");
    }

    @Test
    void acronymFindsTheExpansion() throws IOException {
        assertThat(search("PLU")).containsExactlyInAnyOrder("plu", "plan-local");
    }

    @Test
    void synonymsWhoseExpansionHoldsStopWordsWorkBothWays() throws IOException {
        assertThat(search("DVF")).containsExactlyInAnyOrder("dvf", "valeurs-foncieres");
        assertThat(search("demandes de valeurs foncieres")).containsExactlyInAnyOrder("dvf", "valeurs-foncieres");
    }

    @Test
    void stopWordsAloneFindNothing() throws IOException {
        assertThat(search("les")).isEmpty();
        assertThat(search("de la")).isEmpty();
    }

    @Test
    void indexAnalyzerElidesFoldsDropsStopWordsAndStems() throws IOException {
        List<String> tokens = client.indices()
            .analyze(a -> a.index(INDEX).analyzer("french_index").text("L'Eau des Communes et les Données"))
            .tokens()
            .stream()
            .map(AnalyzeToken::token)
            .toList();
        assertThat(tokens).containsExactly("eau", "comun", "done");
    }

    @Test
    void searchAnalyzerExpandsAcronymsIntoTheGraph() throws IOException {
        List<String> tokens = client.indices()
            .analyze(a -> a.index(INDEX).analyzer("french_search").text("PLU"))
            .tokens()
            .stream()
            .map(AnalyzeToken::token)
            .toList();
        assertThat(tokens).containsExactlyInAnyOrder("plu", "plan", "local", "urbanism");
    }

    @Test
    void builtInFrenchAnalyzerIsAvailable() throws IOException {
        List<String> tokens = client.indices()
            .analyze(a -> a.analyzer("french").text("L'eau des communes"))
            .tokens()
            .stream()
            .map(AnalyzeToken::token)
            .toList();
        assertThat(tokens).containsExactly("eau", "comun");
    }

    @Test
    void unsupportedStemmerLanguageIsRejected() {
        String body = """
            { "settings": { "number_of_replicas": 0, "analysis": {
                "filter": { "bad": { "type": "stemmer", "language": "klingon" } },
                "analyzer": { "a": { "tokenizer": "standard", "filter": ["bad"] } } } } }
            """;
        assertThatThrownBy(() -> client.indices().create(c -> c.index("rejected").withJson(new StringReader(body))))
            .isInstanceOf(ElasticsearchException.class)
            .hasMessageContaining("klingon");
    }

    /** Runs {@code _analyze} with an inline chain given as the JSON request body. */
    private static List<String> analyze(String requestJson) throws IOException {
        return client.indices()
            .analyze(a -> a.withJson(new StringReader(requestJson)))
            .tokens()
            .stream()
            .map(AnalyzeToken::token)
            .toList();
    }

    @Test
    void asciifoldingCanPreserveTheOriginal() throws IOException {
        assertThat(analyze("""
            { "tokenizer": "standard", "filter": [ { "type": "asciifolding", "preserve_original": true } ], "text": "données" }
            """)).containsExactlyInAnyOrder("donnees", "données");
        assertThat(analyze("""
            { "tokenizer": "standard", "filter": [ "asciifolding" ], "text": "Île-de-France" }
            """)).containsExactly("Ile", "de", "France");
    }

    @Test
    void elisionHonoursItsArticlesAndRequiresThem() throws IOException {
        assertThat(analyze("""
            { "tokenizer": "standard", "filter": [ { "type": "elision", "articles": ["l", "qu"], "articles_case": true } ],
              "text": "L'eau qu'on d'abord" }
            """)).containsExactly("eau", "on", "d'abord");
        assertThatThrownBy(() -> analyze("""
            { "tokenizer": "standard", "filter": [ { "type": "elision" } ], "text": "l'eau" }
            """)).isInstanceOf(ElasticsearchException.class).hasMessageContaining("articles");
    }

    @Test
    void stemmerLanguagesUseTheLuceneFrenchStemmers() throws IOException {
        String request = """
            { "tokenizer": "standard", "filter": [ "lowercase", { "type": "stemmer", "language": "%s" } ], "text": "chevaux communes" }
            """;
        assertThat(analyze(request.formatted("light_french"))).containsExactly("cheval", "comun");
        assertThat(analyze(request.formatted("minimal_french"))).containsExactly("cheval", "commun");
        assertThat(analyze(request.formatted("french"))).containsExactly("cheval", "commun");
        assertThat(analyze("""
            { "tokenizer": "standard", "filter": [ "lowercase", "french_stem" ], "text": "communes" }
            """)).containsExactly("commun");
    }

    @Test
    void lenientSynonymsSkipRulesTheChainCannotAnalyze() throws IOException {
        String request = """
            { "tokenizer": "standard",
              "filter": [ "lowercase", { "type": "stop", "stopwords": "_french_" },
                          { "type": "synonym_graph", "lenient": %s, "synonyms": [ "le, article", "ddt, direction départementale territoires" ] } ],
              "text": "ddt" }
            """;
        assertThat(analyze(request.formatted("true")))
            .containsExactlyInAnyOrder("ddt", "direction", "départementale", "territoires");
        assertThatThrownBy(() -> analyze(request.formatted("false"))).isInstanceOf(ElasticsearchException.class);
    }

    @Test
    void synonymsWithoutExpandMapToTheFirstTerm() throws IOException {
        assertThat(analyze("""
            { "tokenizer": "standard",
              "filter": [ "lowercase", { "type": "synonym_graph", "expand": false, "synonyms": [ "ban, base adresse nationale" ] } ],
              "text": "base adresse nationale" }
            """)).containsExactly("ban");
    }
}
