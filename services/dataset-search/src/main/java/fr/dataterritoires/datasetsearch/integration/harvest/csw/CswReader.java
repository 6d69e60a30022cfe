package fr.dataterritoires.datasetsearch.integration.harvest.csw;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.riot.Lang;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.application.harvest.SourceUnreadableException;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.integration.harvest.HttpFetcher;
import fr.dataterritoires.datasetsearch.integration.harvest.XmlSupport;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.DcatMapper;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.RdfDocuments;

/**
 * Reads a CSW 2.0.2 catalogue with GetRecords (resultType=results), page after page through startPosition and
 * nextRecord. Records may be ISO 19139 ({@code gmd:MD_Metadata}) or DCAT / GeoDCAT-AP RDF, as the source URL's
 * outputSchema asks; without one, ISO 19139 is asked since every CSW serves it. A URL that serves a single ISO
 * record document is read as that one record.
 */
@Component
public class CswReader implements SourceReader {

    private static final String ACCEPT = "application/xml, text/xml;q=0.9, */*;q=0.1";
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("service", "CSW");
        DEFAULTS.put("version", "2.0.2");
        DEFAULTS.put("request", "GetRecords");
        DEFAULTS.put("typeNames", "gmd:MD_Metadata");
        DEFAULTS.put("namespace", "xmlns(gmd=http://www.isotc211.org/2005/gmd)");
        DEFAULTS.put("outputSchema", "http://www.isotc211.org/2005/gmd");
        DEFAULTS.put("elementSetName", "full");
        DEFAULTS.put("resultType", "results");
    }

    private final HttpFetcher http;
    private final IsoMapper iso;
    private final DcatMapper dcat;

    public CswReader(HttpFetcher http, IsoMapper iso, DcatMapper dcat) {
        this.http = http;
        this.iso = iso;
        this.dcat = dcat;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CSW;
    }

    @Override
    public void read(HarvestSource source, Consumer<HarvestItem> sink) {
        int start = 1;
        int pages = 0;
        while (true) {
            if (++pages > http.properties().maxPages()) {
                throw new SourceUnreadableException("Le catalogue CSW " + source.url() + " dépasse "
                        + http.properties().maxPages() + " pages : lecture arrêtée.");
            }
            URI uri = pageUri(source.url(), start, http.properties().pageSize());
            HttpFetcher.Page page = http.get(uri, ACCEPT);
            Document document;
            try {
                document = XmlSupport.parse(page.body());
            } catch (IllegalArgumentException malformed) {
                throw new SourceUnreadableException("La réponse CSW " + uri + " n'est pas du XML bien formé : "
                        + malformed.getMessage(), malformed);
            }
            Element root = document.getDocumentElement();
            String where = uri.toString();
            switch (root.getLocalName()) {
                case "MD_Metadata" -> {
                    sink.accept(iso.item(root, source, where + "#1"));
                    return;
                }
                case "ExceptionReport" -> throw new SourceUnreadableException("Le catalogue CSW " + source.url()
                        + " a répondu par une exception : " + root.getTextContent().strip().replaceAll("\\s+", " "));
                case "GetRecordsResponse" -> {
                    // handled below
                }
                default -> throw new SourceUnreadableException("La réponse " + uri + " n'est pas une réponse CSW "
                        + "GetRecords (élément racine « " + root.getNodeName() + " »).");
            }
            Element results = IsoMapper.first(root, "SearchResults");
            if (results == null) {
                throw new SourceUnreadableException("La réponse CSW " + uri + " n'a pas de csw:SearchResults.");
            }
            int position = 0;
            for (Node child = results.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element record) {
                    position++;
                    records(record, source, where + "#" + (start + position - 1), sink);
                }
            }
            int matched = integer(results.getAttribute("numberOfRecordsMatched"), 0);
            int returned = integer(results.getAttribute("numberOfRecordsReturned"), position);
            int next = integer(results.getAttribute("nextRecord"), 0);
            // nextRecord 0 marks the last page; a next record not beyond this page would loop.
            if (next <= 0 || next > matched || next <= start || returned == 0) {
                return;
            }
            start = next;
        }
    }

    private void records(Element record, HarvestSource source, String key, Consumer<HarvestItem> sink) {
        String local = record.getLocalName();
        if ("MD_Metadata".equals(local)) {
            sink.accept(iso.item(record, source, key));
            return;
        }
        String raw = XmlSupport.serialize(record);
        if ("RDF".equals(local)) {
            RdfDocuments.Parsed parsed;
            try {
                parsed = RdfDocuments.parse(raw, Lang.RDFXML, key);
            } catch (IllegalArgumentException malformed) {
                sink.accept(new HarvestItem.Failed(key, raw, "Fiche GeoDCAT-AP illisible : "
                        + malformed.getMessage()));
                return;
            }
            int broken = 0;
            for (RdfDocuments.BrokenNode node : parsed.broken()) {
                if (node.dataset()) {
                    sink.accept(new HarvestItem.Failed(key + "-illisible-" + (++broken), node.raw(),
                            "Fiche GeoDCAT-AP illisible : " + node.reason()));
                }
            }
            dcat.map(parsed.model(), source, key, sink);
            return;
        }
        sink.accept(new HarvestItem.Failed(key, raw, "Format de fiche CSW non pris en charge : « "
                + record.getNodeName() + " » (attendu : ISO 19139 ou DCAT)."));
    }

    /** The source URL with the GetRecords parameters it lacks, and this page's startPosition and maxRecords. */
    static URI pageUri(URI base, int start, int size) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = base.getRawQuery();
        List<String> kept = new ArrayList<>();
        boolean getRecords = query != null && query.toLowerCase(Locale.ROOT).contains("request=getrecords");
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.equals("startposition") && !lower.equals("maxrecords") && !pair.isBlank()) {
                    kept.add(pair);
                }
            }
        }
        if (!getRecords) {
            params.putAll(DEFAULTS);
        } else if (kept.stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).startsWith("resulttype="))) {
            params.put("resultType", "results");
        }
        StringBuilder q = new StringBuilder(String.join("&", kept));
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        q.append("&startPosition=").append(start).append("&maxRecords=").append(size);
        String text = base.toString();
        int mark = text.indexOf('?');
        return URI.create((mark < 0 ? text : text.substring(0, mark)) + "?" + q);
    }

    private static int integer(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            return fallback;
        }
    }
}
