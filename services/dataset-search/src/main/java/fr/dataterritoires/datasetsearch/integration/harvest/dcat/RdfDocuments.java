package fr.dataterritoires.datasetsearch.integration.harvest.dcat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import fr.dataterritoires.datasetsearch.integration.harvest.XmlSupport;

/** Parses RDF documents as sources serve them: the syntax is told by the media type, the URL, or the body itself. */
public final class RdfDocuments {

    private static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** A top-level RDF/XML node that could not be parsed on its own, kept raw. */
    public record BrokenNode(String key, String raw, String reason, boolean dataset) {
    }

    /** The graph read, and the nodes skipped when the document had to be read node by node. */
    public record Parsed(Model model, List<BrokenNode> broken) {
    }

    private RdfDocuments() {
    }

    /** The RDF syntax of a page, or null when it does not look like RDF at all. */
    public static Lang language(String mediaType, String url, String body) {
        Lang byType = switch (mediaType == null ? "" : mediaType) {
            case "application/rdf+xml" -> Lang.RDFXML;
            case "text/turtle", "application/x-turtle" -> Lang.TURTLE;
            case "application/ld+json" -> Lang.JSONLD;
            case "application/n-triples" -> Lang.NTRIPLES;
            case "application/n-quads" -> Lang.NQUADS;
            case "application/trig" -> Lang.TRIG;
            case "text/n3", "text/rdf+n3" -> Lang.N3;
            default -> null;
        };
        if (byType != null) {
            return byType;
        }
        String path = url == null ? "" : url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.endsWith(".rdf") || path.endsWith(".rdf.xml") || path.endsWith(".owl")) {
            return Lang.RDFXML;
        }
        if (path.endsWith(".ttl")) {
            return Lang.TURTLE;
        }
        if (path.endsWith(".jsonld")) {
            return Lang.JSONLD;
        }
        if (path.endsWith(".nt")) {
            return Lang.NTRIPLES;
        }
        if (path.endsWith(".n3")) {
            return Lang.N3;
        }
        return sniff(body);
    }

    /** Guesses from the first characters, as udata does when a server says nothing useful. */
    static Lang sniff(String body) {
        String start = body.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 2000)).toLowerCase(Locale.ROOT);
        if (head.startsWith("{") || head.startsWith("[")) {
            return Lang.JSONLD;
        }
        if (head.startsWith("<")) {
            if (head.contains("<html") || head.contains("<!doctype html")) {
                return null;
            }
            if (head.contains("rdf:rdf") || head.contains(RDF_NS.toLowerCase(Locale.ROOT))) {
                return Lang.RDFXML;
            }
            if (head.startsWith("<http") || head.startsWith("<urn") || head.startsWith("<_:")) {
                return Lang.TURTLE;
            }
            return null;
        }
        if (head.startsWith("@prefix") || head.startsWith("prefix") || head.startsWith("@base")
                || head.startsWith("base") || head.startsWith("_:") || head.startsWith("#")) {
            return Lang.TURTLE;
        }
        return null;
    }

    /**
     * Parses a whole document. RDF/XML that fails as a whole (an IRI with a space, say) is read again node by node,
     * so one bad record does not hide the others.
     *
     * @throws IllegalArgumentException with a French reason when nothing can be read
     */
    public static Parsed parse(String body, Lang lang, String base) {
        return parse(body, null, lang, base, JsonLdContexts.NONE);
    }

    /**
     * As {@link #parse(String, Lang, String)}; RDF/XML served without a charset is read from {@code bytes} so the
     * XML declaration's encoding applies.
     */
    public static Parsed parse(String body, byte[] bytes, Lang lang, String base) {
        return parse(body, bytes, lang, base, JsonLdContexts.NONE);
    }

    /** As {@link #parse(String, byte[], Lang, String)}; JSON-LD remote contexts are loaded by {@code contexts}. */
    public static Parsed parse(String body, byte[] bytes, Lang lang, String base, DocumentLoader contexts) {
        try {
            if (bytes != null && lang == Lang.RDFXML) {
                Model model = ModelFactory.createDefaultModel();
                RDFParser.create().source(new java.io.ByteArrayInputStream(bytes)).lang(lang).base(base)
                        .errorHandler(RAISE).parse(model);
                return new Parsed(model, List.of());
            }
            return new Parsed(parseStrict(body, lang, base, contexts), List.of());
        } catch (RuntimeException whole) {
            // Riot, the JSON-LD processor and the XML parser each have their own exceptions: all mean "not readable".
            if (lang == Lang.RDFXML) {
                Parsed split = parseNodeByNode(body, base);
                if (split != null) {
                    return split;
                }
            }
            throw new IllegalArgumentException("document " + lang.getLabel() + " mal formé : " + whole.getMessage(),
                    whole);
        }
    }

    static Model parseStrict(String body, Lang lang, String base) {
        return parseStrict(body, lang, base, JsonLdContexts.NONE);
    }

    static Model parseStrict(String body, Lang lang, String base, DocumentLoader contexts) {
        Model model = ModelFactory.createDefaultModel();
        // Options per parse: Jena sets the base on them.
        RDFParser.create()
                .source(new StringReader(body))
                .lang(lang)
                .base(base)
                .context(Context.create().set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(contexts)))
                .errorHandler(RAISE)
                .parse(model);
        return model;
    }

    private static Parsed parseNodeByNode(String body, String base) {
        Document document;
        try {
            document = XmlSupport.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notXml) {
            return null;
        }
        Element root = document.getDocumentElement();
        if (!RDF_NS.equals(root.getNamespaceURI()) || !"RDF".equals(root.getLocalName())) {
            return null;
        }
        if (dropTextBesideResource(root) > 0) {
            // GeoNetwork writes <dct:accessRights rdf:resource="...">label</dct:accessRights>: invalid RDF/XML
            // that rdflib (udata) accepts; the resource is kept, its label dropped, and the whole is tried again.
            try {
                return new Parsed(parseStrict(XmlSupport.serialize(document), Lang.RDFXML, base), List.of());
            } catch (RuntimeException stillBroken) {
                // read node by node below
            }
        }
        Model model = ModelFactory.createDefaultModel();
        List<BrokenNode> broken = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            Element wrapper = (Element) root.cloneNode(false);
            wrapper.appendChild(element.cloneNode(true));
            String xml = XmlSupport.serialize(wrapper);
            try {
                model.add(parseStrict(xml, Lang.RDFXML, base));
            } catch (RuntimeException bad) {
                String about = element.getAttributeNS(RDF_NS, "about");
                broken.add(new BrokenNode(about.isBlank() ? null : about.strip(), XmlSupport.serialize(element),
                        bad.getMessage(), isDataset(element)));
            }
        }
        return new Parsed(model, broken);
    }

    /** Removes the text of property elements that also carry rdf:resource; returns how many were cleaned. */
    private static int dropTextBesideResource(Element element) {
        int cleaned = 0;
        if (element.hasAttributeNS(RDF_NS, "resource")) {
            boolean hasText = false;
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                hasText |= child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank();
            }
            if (hasText) {
                while (element.getFirstChild() != null) {
                    element.removeChild(element.getFirstChild());
                }
                return 1;
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                cleaned += dropTextBesideResource(e);
            }
        }
        return cleaned;
    }

    private static boolean isDataset(Element element) {
        if (DcatMapper.DCAT.equals(element.getNamespaceURI()) && "Dataset".equals(element.getLocalName())) {
            return true;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && RDF_NS.equals(e.getNamespaceURI()) && "type".equals(e.getLocalName())) {
                NamedNodeMap attributes = e.getAttributes();
                Node resource = attributes.getNamedItemNS(RDF_NS, "resource");
                if (resource != null && (DcatMapper.DCAT + "Dataset").equals(resource.getNodeValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Errors stop the parse: a half-read graph would publish half-read records. Warnings are ignored. */
    private static final ErrorHandler RAISE = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {
            // Unknown datatypes, odd language tags: the data is still usable.
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        private String position(long line, long col) {
            return line > 0 ? "ligne " + line + ", colonne " + col + " : " : "";
        }
    };


}
