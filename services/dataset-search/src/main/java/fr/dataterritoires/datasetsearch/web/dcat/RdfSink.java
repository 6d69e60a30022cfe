package fr.dataterritoires.datasetsearch.web.dcat;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.RDF;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a graph piece by piece, each piece (the catalogue, one dataset) written as soon as it is built, so that the
 * whole catalogue never sits in memory. The pieces share no blank node, so their concatenation is one graph.
 */
interface RdfSink extends AutoCloseable {

    /** The prefixes of the outputs. */
    Map<String, String> PREFIXES = prefixes();

    void write(Model piece);

    @Override
    void close();

    static RdfSink turtle(OutputStream out) {
        return new Turtle(out);
    }

    static RdfSink jsonLd(OutputStream out) {
        return new JsonLd(out);
    }

    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("dcat", Vocabulary.DCAT);
        prefixes.put("dct", Vocabulary.DCT);
        prefixes.put("foaf", Vocabulary.FOAF);
        prefixes.put("vcard", Vocabulary.VCARD);
        prefixes.put("skos", Vocabulary.SKOS);
        prefixes.put("adms", Vocabulary.ADMS);
        prefixes.put("hydra", Vocabulary.HYDRA);
        prefixes.put("rdf", Vocabulary.RDF_NS);
        prefixes.put("rdfs", Vocabulary.RDFS_NS);
        prefixes.put("owl", "http://www.w3.org/2002/07/owl#");
        prefixes.put("xsd", Vocabulary.XSD);
        return prefixes;
    }

    /** Turtle through Jena's streaming writer: each subject's triples as one block. */
    final class Turtle implements RdfSink {
        private final StreamRDF stream;

        Turtle(OutputStream out) {
            stream = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
            stream.start();
            PREFIXES.forEach(stream::prefix);
        }

        @Override
        public void write(Model piece) {
            for (Resource subject : DcatExportMapper.subjects(piece)) {
                DcatExportMapper.statements(piece, subject).forEach(statement -> stream.triple(statement.asTriple()));
            }
        }

        @Override
        public void close() {
            stream.finish();
        }
    }

    /**
     * JSON-LD 1.1 with a context of prefixes and one node object per subject in {@code @graph}: every value is an
     * explicit value or node object, so no term definition is needed and the document reads back exactly as the
     * graph it was written from.
     */
    final class JsonLd implements RdfSink {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final JsonGenerator json;

        JsonLd(OutputStream out) {
            json = JSON.createGenerator(out);
            json.writeStartObject();
            json.writeName("@context");
            json.writeStartObject();
            PREFIXES.forEach((prefix, namespace) -> {
                json.writeName(prefix);
                json.writeString(namespace);
            });
            json.writeEndObject();
            json.writeName("@graph");
            json.writeStartArray();
        }

        @Override
        public void write(Model piece) {
            for (Resource subject : DcatExportMapper.subjects(piece)) {
                json.writeStartObject();
                json.writeName("@id");
                json.writeString(subject.getURI());
                Map<String, java.util.List<Node>> properties = new LinkedHashMap<>();
                java.util.List<String> types = new java.util.ArrayList<>();
                DcatExportMapper.statements(piece, subject).forEach(statement -> {
                    Triple triple = statement.asTriple();
                    if (statement.getPredicate().equals(RDF.type) && triple.getObject().isURI()) {
                        types.add(compact(triple.getObject().getURI()));
                    } else {
                        properties.computeIfAbsent(compact(triple.getPredicate().getURI()), k -> new java.util.ArrayList<>())
                                .add(triple.getObject());
                    }
                });
                if (!types.isEmpty()) {
                    json.writeName("@type");
                    json.writeStartArray();
                    types.forEach(json::writeString);
                    json.writeEndArray();
                }
                properties.forEach((property, values) -> {
                    json.writeName(property);
                    json.writeStartArray();
                    values.forEach(this::value);
                    json.writeEndArray();
                });
                json.writeEndObject();
            }
        }

        private void value(Node node) {
            json.writeStartObject();
            if (node.isURI()) {
                json.writeName("@id");
                json.writeString(node.getURI());
            } else {
                json.writeName("@value");
                json.writeString(node.getLiteralLexicalForm());
                String language = node.getLiteralLanguage();
                if (language != null && !language.isEmpty()) {
                    json.writeName("@language");
                    json.writeString(language);
                } else if (!XSDDatatype.XSDstring.getURI().equals(node.getLiteralDatatypeURI())) {
                    json.writeName("@type");
                    json.writeString(node.getLiteralDatatypeURI());
                }
            }
            json.writeEndObject();
        }

        private static String compact(String iri) {
            for (var prefix : PREFIXES.entrySet()) {
                String namespace = prefix.getValue();
                if (iri.startsWith(namespace) && iri.length() > namespace.length()
                        && iri.substring(namespace.length()).matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                    return prefix.getKey() + ":" + iri.substring(namespace.length());
                }
            }
            return iri;
        }

        @Override
        public void close() {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        }
    }
}
