package fr.dataterritoires.datasetsearch.persistence.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ContactPoint;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SchemaDeclaration;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;

/**
 * The stored JSON form of a {@link DatasetDescription}, written field by field so that it reads back equal (the
 * harvest compares descriptions with {@code equals} to find unchanged records) and does not move when a record
 * component is renamed. Instants keep their nanoseconds as ISO-8601 text.
 */
final class DescriptionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DescriptionJson() {
    }

    static String write(DatasetDescription d) {
        return MAPPER.writeValueAsString(toNode(d));
    }

    static DatasetDescription read(String json) {
        return fromNode(MAPPER.readTree(json));
    }

    static String writeProducer(Producer producer) {
        return producer == null ? null : MAPPER.writeValueAsString(producer(producer));
    }

    static Producer readProducer(String json) {
        return json == null ? null : producer(MAPPER.readTree(json));
    }

    static ObjectNode toNode(DatasetDescription d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("sourceUri", d.sourceUri());
        n.put("landingPage", d.landingPage());
        n.put("title", d.title());
        n.put("description", d.description());
        strings(n.putArray("keywords"), d.keywords());
        strings(n.putArray("themes"), d.themes());
        n.set("producer", d.producer() == null ? null : producer(d.producer()));
        if (d.contactPoint() != null) {
            ObjectNode c = n.putObject("contactPoint");
            c.put("name", d.contactPoint().name());
            c.put("email", d.contactPoint().email());
            c.put("url", d.contactPoint().url());
        }
        n.put("licence", d.licence());
        ArrayNode distributions = n.putArray("distributions");
        for (Distribution dist : d.distributions()) {
            ObjectNode o = distributions.addObject();
            o.put("title", dist.title());
            o.put("accessUrl", dist.accessUrl());
            o.put("downloadUrl", dist.downloadUrl());
            o.put("format", dist.format());
            o.put("mediaType", dist.mediaType());
            o.put("byteSize", dist.byteSize());
        }
        n.put("accessLevel", d.accessLevel().name());
        n.put("accessProcedure", d.accessProcedure());
        ObjectNode coverage = n.putObject("coverage");
        strings(coverage.putArray("territories"), d.coverage().territories().stream().map(TerritoryRef::key).sorted()
                .toList());
        coverage.put("granularity", d.coverage().granularity().name());
        if (d.temporal() != null) {
            ObjectNode t = n.putObject("temporal");
            t.put("start", d.temporal().start() == null ? null : d.temporal().start().toString());
            t.put("end", d.temporal().end() == null ? null : d.temporal().end().toString());
        }
        n.put("frequency", d.frequency().name());
        n.put("issued", d.issued() == null ? null : d.issued().toString());
        n.put("modified", d.modified() == null ? null : d.modified().toString());
        if (d.schema() != null) {
            ObjectNode s = n.putObject("schema");
            s.put("id", d.schema().id());
            s.put("version", d.schema().version());
            s.put("conformity", d.schema().conformity().name());
        }
        ObjectNode usage = n.putObject("usage");
        usage.put("views", d.usage().views());
        usage.put("downloads", d.usage().downloads());
        usage.put("reuses", d.usage().reuses());
        usage.put("followers", d.usage().followers());
        return n;
    }

    static DatasetDescription fromNode(JsonNode n) {
        JsonNode contact = n.path("contactPoint");
        List<Distribution> distributions = new ArrayList<>();
        for (JsonNode o : n.path("distributions")) {
            distributions.add(new Distribution(text(o, "title"), text(o, "accessUrl"), text(o, "downloadUrl"),
                    text(o, "format"), text(o, "mediaType"), o.hasNonNull("byteSize") ? o.get("byteSize").asLong() : null));
        }
        JsonNode coverage = n.path("coverage");
        Set<TerritoryRef> territories = new LinkedHashSet<>();
        for (JsonNode key : coverage.path("territories")) {
            territories.add(TerritoryRef.parse(key.asString()));
        }
        JsonNode temporal = n.path("temporal");
        JsonNode schema = n.path("schema");
        JsonNode usage = n.path("usage");
        return new DatasetDescription(
                text(n, "sourceUri"),
                text(n, "landingPage"),
                text(n, "title"),
                text(n, "description"),
                strings(n.path("keywords")),
                strings(n.path("themes")),
                n.hasNonNull("producer") ? producer(n.get("producer")) : null,
                contact.isObject() ? new ContactPoint(text(contact, "name"), text(contact, "email"), text(contact, "url"))
                        : null,
                text(n, "licence"),
                distributions,
                AccessLevel.valueOf(text(n, "accessLevel")),
                text(n, "accessProcedure"),
                coverage.isObject() ? new TerritorialCoverage(territories,
                        Granularity.valueOf(coverage.path("granularity").asString("UNKNOWN"))) : null,
                temporal.isObject() ? new TemporalCoverage(date(temporal, "start"), date(temporal, "end")) : null,
                n.hasNonNull("frequency") ? UpdateFrequency.valueOf(text(n, "frequency")) : null,
                instant(n, "issued"),
                instant(n, "modified"),
                schema.isObject() ? new SchemaDeclaration(text(schema, "id"), text(schema, "version"),
                        schema.hasNonNull("conformity") ? SchemaDeclaration.Conformity.valueOf(text(schema, "conformity"))
                                : null) : null,
                usage.isObject() ? new UsageCounts(usage.path("views").asLong(0), usage.path("downloads").asLong(0),
                        usage.path("reuses").asLong(0), usage.path("followers").asLong(0)) : null);
    }

    private static ObjectNode producer(Producer producer) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("name", producer.name());
        p.put("siren", producer.siren());
        p.put("type", producer.type().name());
        return p;
    }

    private static Producer producer(JsonNode p) {
        return new Producer(text(p, "name"), text(p, "siren"), ProducerType.valueOf(p.path("type").asString("UNKNOWN")));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
