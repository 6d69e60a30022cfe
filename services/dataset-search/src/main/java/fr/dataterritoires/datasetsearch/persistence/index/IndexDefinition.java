package fr.dataterritoires.datasetsearch.persistence.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Settings and mappings of a datasets index, assembled from resources: the shared French analysis of
 * {@code libs/contracts} ({@code elasticsearch/french-analysis.json}), this service's synonym list
 * ({@code elasticsearch/dataset-synonyms.txt}, replacing the shared filter's list) and mapping
 * ({@code elasticsearch/datasets-mapping.json}). Only names of Elasticsearch core and analysis-common, which the
 * embedded node's French analysis plugin provides too, so the same definition serves both.
 */
public final class IndexDefinition {

    static final String ANALYSIS = "/elasticsearch/french-analysis.json";
    static final String SYNONYMS = "/elasticsearch/dataset-synonyms.txt";
    static final String MAPPING = "/elasticsearch/datasets-mapping.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode analysis;
    private final ObjectNode mapping;
    private final List<String> synonyms;

    private IndexDefinition(ObjectNode analysis, ObjectNode mapping, List<String> synonyms) {
        this.analysis = analysis;
        this.mapping = mapping;
        this.synonyms = synonyms;
    }

    public static IndexDefinition load() {
        ObjectNode analysis = (ObjectNode) readJson(ANALYSIS).get("analysis").deepCopy();
        List<String> synonyms = readSynonyms();
        ArrayNode rules = ((ObjectNode) analysis.get("filter").get("fr_synonyms")).putArray("synonyms");
        synonyms.forEach(rules::add);
        // Keyword sub-fields compared ignoring case and accents (exact title match, organisation names, themes).
        ObjectNode normalizer = analysis.putObject("normalizer").putObject("fr_keyword");
        normalizer.put("type", "custom");
        normalizer.putArray("filter").add("lowercase").add("asciifolding");
        // Prefix suggestions: words as typed, folded, without stemming (a stem is not what people type).
        ObjectNode suggest = ((ObjectNode) analysis.get("analyzer")).putObject("fr_suggest");
        suggest.put("type", "custom");
        suggest.put("tokenizer", "standard");
        suggest.putArray("filter").add("fr_elision").add("lowercase").add("asciifolding");
        return new IndexDefinition(analysis, (ObjectNode) readJson(MAPPING), synonyms);
    }

    /** Version of the mapping, part of the index names: a change of mapping means a rebuild. */
    public int mappingVersion() {
        return mapping.get("_meta").get("mapping_version").asInt();
    }

    public List<String> synonyms() {
        return synonyms;
    }

    /** The body of a create-index request. */
    public String createIndexBody(int replicas) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode settings = body.putObject("settings");
        settings.put("number_of_shards", 1);
        settings.put("number_of_replicas", replicas);
        settings.set("analysis", analysis.deepCopy());
        body.set("mappings", mapping.deepCopy());
        return JSON.writeValueAsString(body);
    }

    private static JsonNode readJson(String resource) {
        try (InputStream in = IndexDefinition.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readSynonyms() {
        try (InputStream in = IndexDefinition.class.getResourceAsStream(SYNONYMS)) {
            if (in == null) {
                throw new IllegalStateException(SYNONYMS + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
