package fr.dataterritoires.datasetsearch.integration.harvest.csw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.integration.harvest.DescriptionDraft;
import fr.dataterritoires.datasetsearch.integration.harvest.TerritoryResolver;
import fr.dataterritoires.datasetsearch.integration.harvest.Vocabularies;
import fr.dataterritoires.datasetsearch.integration.harvest.XmlSupport;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Maps an ISO 19139 {@code gmd:MD_Metadata} record (GeoNetwork, Géo-IDE, Géoplateforme). Elements are matched by
 * local name, since catalogues mix gmd/gco/gmx and GML 3.1/3.2 namespaces.
 */
@Component
public class IsoMapper {

    public HarvestItem item(Element metadata, HarvestSource source, String fallbackKey) {
        String raw = XmlSupport.serialize(metadata);
        String identifier = text(first(metadata, "fileIdentifier"));
        String key = identifier != null ? identifier : fallbackKey;
        try {
            return new HarvestItem.Parsed(key, draft(metadata, identifier).build(source), raw);
        } catch (IllegalArgumentException incomplete) {
            return new HarvestItem.Failed(key, raw, "Fiche ISO 19139 incomplète : " + incomplete.getMessage() + ".");
        } catch (RuntimeException unexpected) {
            return new HarvestItem.Failed(key, raw, "Fiche ISO 19139 illisible : " + unexpected + ".");
        }
    }

    DescriptionDraft draft(Element md, String identifier) {
        DescriptionDraft draft = new DescriptionDraft();
        draft.sourceUri = identifier;
        Element ident = first(md, "identificationInfo");
        Element info = ident == null ? null : firstChildElement(ident);
        Element citation = info == null ? null : path(info, "citation", "CI_Citation");
        draft.title = text(citation == null ? null : first(citation, "title"));
        if (info != null) {
            draft.description = text(first(info, "abstract"));
            for (Element keywords : descendants(info, "MD_Keywords")) {
                for (Element keyword : childElements(keywords, "keyword")) {
                    draft.keywords.add(text(keyword));
                }
            }
            for (Element topic : descendants(info, "MD_TopicCategoryCode")) {
                draft.themes.add(topic.getTextContent().strip());
            }
            party(info, "pointOfContact", draft);
            constraints(info, draft);
            extents(info, draft);
            for (Element code : descendants(info, "MD_MaintenanceFrequencyCode")) {
                draft.frequency(Vocabularies.frequency(code.getAttribute("codeListValue")));
            }
        }
        party(md, "contact", draft);
        if (citation != null) {
            for (Element date : descendants(citation, "CI_Date")) {
                Element type = first(date, "CI_DateTypeCode");
                String kind = type == null ? "" : type.getAttribute("codeListValue").toLowerCase(Locale.ROOT);
                Element value = first(date, "date");
                String when = value == null ? null : value.getTextContent().strip();
                if (kind.equals("creation") || kind.equals("publication")) {
                    if (draft.issued == null || kind.equals("publication")) {
                        draft.issued = Vocabularies.instant(when);
                    }
                } else if (kind.equals("revision")) {
                    draft.modified = Vocabularies.instant(when);
                }
            }
        }
        if (draft.modified == null) {
            Element stamp = first(md, "dateStamp");
            draft.modified = stamp == null ? null : Vocabularies.instant(stamp.getTextContent().strip());
        }
        distributions(md, draft);
        return draft;
    }

    private static void party(Element scope, String role, DescriptionDraft draft) {
        for (Element contact : childElements(scope, role)) {
            Element party = first(contact, "CI_ResponsibleParty");
            if (party == null) {
                continue;
            }
            String organisation = text(first(party, "organisationName"));
            String person = text(first(party, "individualName"));
            String email = text(first(party, "electronicMailAddress"));
            Element online = first(party, "CI_OnlineResource");
            String url = online == null ? null : text(first(online, "linkage"));
            if (organisation != null) {
                draft.producer(organisation, null);
            }
            draft.contact(organisation != null ? organisation : person, email, url);
        }
    }

    private static void constraints(Element info, DescriptionDraft draft) {
        List<String> texts = new ArrayList<>();
        for (Element legal : descendants(info, "MD_LegalConstraints")) {
            for (Element other : childElements(legal, "otherConstraints")) {
                Element anchor = first(other, "Anchor");
                String href = anchor == null ? null : anchor.getAttributeNS("http://www.w3.org/1999/xlink", "href");
                String value = text(other);
                if (value != null) {
                    texts.add(value);
                }
                if (href != null && !href.isBlank()) {
                    texts.add(href);
                }
            }
            for (Element limitation : childElements(legal, "useLimitation")) {
                String value = text(limitation);
                if (value != null) {
                    texts.add(value);
                }
            }
        }
        for (String text : texts) {
            String folded = Vocabularies.fold(text);
            if (draft.licence == null && Vocabularies.looksLikeLicence(text)) {
                draft.licence = text;
            }
            if (draft.accessLevel == null) {
                // Negative phrasings first: "Aucun des articles de la loi ne peut être invoqué pour justifier
                // d'une restriction d'accès public" and "Pas de restriction d'accès public" both mean open.
                if (folded.contains("nolimitations") || folded.contains("no limitations")
                        || folded.contains("pas de restriction") || folded.contains("aucune restriction")
                        || folded.contains("aucun des articles") || folded.contains("sans restriction")) {
                    draft.accessLevel = AccessLevel.OPEN;
                } else if (folded.contains("inspire_directive_article13") || folded.contains("l.124-4")
                        || folded.contains("l124-4") || folded.contains("l.124-5") || folded.contains("l124-5")
                        || folded.contains("article 13")) {
                    draft.accessLevel = AccessLevel.RESTRICTED;
                    draft.accessProcedure = text;
                }
            }
        }
        for (Element classification : descendants(info, "MD_ClassificationCode")) {
            String value = classification.getAttribute("codeListValue");
            if (!value.isBlank() && !value.equals("unclassified") && draft.accessLevel == null) {
                draft.accessLevel = AccessLevel.RESTRICTED;
            }
        }
    }

    private static void extents(Element info, DescriptionDraft draft) {
        for (Element description : descendants(info, "EX_GeographicDescription")) {
            for (Element code : descendants(description, "code")) {
                String value = text(code);
                if (value == null) {
                    continue;
                }
                var territory = TerritoryResolver.resolve(value);
                if (territory.isEmpty() && value.matches("\\d{5}|2[AB]\\d{3}")) {
                    territory = Territories.get().commune(value)
                            .map(c -> new TerritoryRef(TerritoryLevel.COMMUNE, c.code()));
                }
                territory.ifPresent(draft.territories::add);
            }
        }
        if (draft.territories.isEmpty() && !descendants(info, "EX_GeographicBoundingBox").isEmpty()) {
            draft.notes.add("couverture spatiale donnée par une emprise seulement");
        }
        for (Element period : descendants(info, "TimePeriod")) {
            Element begin = first(period, "beginPosition");
            Element end = first(period, "endPosition");
            draft.temporal(begin == null ? null : Vocabularies.date(begin.getTextContent().strip(), false),
                    end == null ? null : Vocabularies.date(end.getTextContent().strip(), true));
        }
    }

    private static void distributions(Element md, DescriptionDraft draft) {
        Element distribution = first(md, "MD_Distribution");
        if (distribution == null) {
            return;
        }
        String format = null;
        for (Element f : descendants(distribution, "MD_Format")) {
            format = text(first(f, "name"));
            if (format != null) {
                break;
            }
        }
        for (Element online : descendants(distribution, "CI_OnlineResource")) {
            String url = text(first(online, "linkage"));
            String protocol = text(first(online, "protocol"));
            String name = text(first(online, "name"));
            String kind = format;
            if (protocol != null) {
                String p = protocol.toUpperCase(Locale.ROOT);
                if (p.contains("WMS")) {
                    kind = "WMS";
                } else if (p.contains("WFS")) {
                    kind = "WFS";
                } else if (p.contains("WMTS")) {
                    kind = "WMTS";
                } else if (p.contains("DOWNLOAD") || p.contains("FILE")) {
                    kind = format;
                } else if (p.contains("LINK") || p.contains("HTTP")) {
                    kind = url != null && url.matches("(?i).*\\.(zip|csv|json|geojson|shp|pdf|xlsx?|ods|gpkg)$")
                            ? url.substring(url.lastIndexOf('.') + 1) : "HTML";
                }
            }
            boolean download = protocol != null && protocol.toUpperCase(Locale.ROOT).contains("DOWNLOAD");
            draft.distribution(name, download ? null : url, download ? url : null, kind, null, null);
        }
    }

    // --- DOM helpers ----------------------------------------------------------------------------------------------

    /** Text of a gco:CharacterString, gmx:Anchor, gmd:URL, gco:Date... under an element, or its own text. */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        Element child = firstChildElement(element);
        String value = child != null ? child.getTextContent() : element.getTextContent();
        value = value == null ? null : value.strip();
        return value == null || value.isEmpty() ? null : value;
    }

    static Element first(Element scope, String local) {
        List<Element> found = descendants(scope, local);
        return found.isEmpty() ? null : found.get(0);
    }

    static Element path(Element scope, String... locals) {
        Element current = scope;
        for (String local : locals) {
            List<Element> next = childElements(current, local);
            if (next.isEmpty()) {
                return null;
            }
            current = next.get(0);
        }
        return current;
    }

    static List<Element> descendants(Element scope, String local) {
        List<Element> found = new ArrayList<>();
        var nodes = scope.getElementsByTagNameNS("*", local);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static List<Element> childElements(Element scope, String local) {
        List<Element> found = new ArrayList<>();
        for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && local.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element firstChildElement(Element scope) {
        for (Node child = scope.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
