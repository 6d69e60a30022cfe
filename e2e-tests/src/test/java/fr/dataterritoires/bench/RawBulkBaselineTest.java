package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import fr.dataterritoires.testing.backends.Backends;

/** The baseline copies exactly the documents behind the alias into an index made like the source one. */
class RawBulkBaselineTest {

    @TempDir
    Path work;

    @Test
    void exportsThroughTheAliasAndBulksIntoAnIndexWithTheSameSettingsAndMappings() throws Exception {
        EsHttp es = new EsHttp(Backends.elasticsearch().url());
        String suffix = Long.toHexString(System.nanoTime());
        String source = "bench-src-" + suffix;
        String alias = "bench-alias-" + suffix;
        String target = "bench-copy-" + suffix;
        es.json("PUT", "/" + source, """
                {"settings":{"number_of_shards":1,"number_of_replicas":0,"refresh_interval":"1s",
                  "analysis":{"analyzer":{"folded":{"type":"custom","tokenizer":"standard","filter":["lowercase","asciifolding"]}}}},
                 "mappings":{"properties":{"title":{"type":"text","analyzer":"folded"},"year":{"type":"integer"}}},
                 "aliases":{"%s":{}}}""".formatted(alias));
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            bulk.append("{\"index\":{\"_id\":\"d").append(i).append("\"}}\n")
                    .append("{\"title\":\"Qualité de l'air ").append(i).append("\",\"year\":").append(2000 + i % 25).append("}\n");
        }
        es.send("POST", "/" + source + "/_bulk?refresh=true", "application/x-ndjson", bulk.toString().getBytes());
        try {
            RawBulkBaseline baseline = new RawBulkBaseline(es);
            assertThat(baseline.concreteIndex(alias)).isEqualTo(source);

            List<Path> files = baseline.export(alias, 200, work.resolve("batches"));
            assertThat(files).hasSize(3);
            assertThat(Files.readAllLines(files.get(2))).hasSize(2 * 50);

            baseline.createLike(source, target);
            RawBulkBaseline.Result result = baseline.load(files, target, 200, 2, source);

            assertThat(result.documents()).isEqualTo(450);
            assertThat(result.errors()).isZero();
            JsonNode mapping = es.json("GET", "/" + target + "/_mapping", null).path(target).path("mappings");
            assertThat(mapping.path("properties").path("title").path("analyzer").asString()).isEqualTo("folded");
            JsonNode hits = es.json("POST", "/" + target + "/_search", "{\"query\":{\"match\":{\"title\":\"qualite\"}}}");
            assertThat(hits.path("hits").path("total").path("value").asLong()).isEqualTo(450);
            JsonNode copy = es.json("GET", "/" + target + "/_doc/d7", null);
            assertThat(copy.path("_source").path("title").asString()).isEqualTo("Qualité de l'air 7");
        } finally {
            es.send("DELETE", "/" + source, null, null);
            es.send("DELETE", "/" + target, null, null);
        }
    }
}
