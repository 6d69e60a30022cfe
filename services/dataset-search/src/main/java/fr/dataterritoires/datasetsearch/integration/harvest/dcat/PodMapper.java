package fr.dataterritoires.datasetsearch.integration.harvest.dcat;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.integration.harvest.DescriptionDraft;
import fr.dataterritoires.datasetsearch.integration.harvest.JsonSupport;
import fr.dataterritoires.datasetsearch.integration.harvest.Producers;
import fr.dataterritoires.datasetsearch.integration.harvest.TerritoryResolver;
import fr.dataterritoires.datasetsearch.integration.harvest.Vocabularies;

/**
 * Maps plain-JSON DCAT: Project Open Data / DCAT-US 1.1 {@code data.json} (ArcGIS Hub, Socrata exports) and the
 * JSON output of ckanext-dcat, both a catalogue object with a {@code dataset} array or bare dataset objects.
 */
@Component
public class PodMapper {

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]{1,200}>");

    /** Whether a JSON document is such a catalogue (an object with a "dataset" array). */
    public static boolean isCatalogue(JsonNode document) {
        return document != null && document.isObject() && document.path("dataset").isArray();
    }

    /** Whether a JSON document is a bare list of DCAT-JSON datasets (each with a title and an identifier). */
    public static boolean isDatasetList(JsonNode document) {
        if (document == null || !document.isArray() || document.isEmpty()) {
            return false;
        }
        for (JsonNode element : document) {
            if (!element.isObject() || !element.has("title") || !(element.has("identifier") || element.has("@id"))) {
                return false;
            }
        }
        return true;
    }

    public int mapAll(JsonNode datasets, HarvestSource source, String where, Consumer<HarvestItem> sink) {
        int position = 0;
        for (JsonNode dataset : datasets) {
            position++;
            sink.accept(item(dataset, source, where + "#" + position));
        }
        return position;
    }

    public HarvestItem item(JsonNode d, HarvestSource source, String fallbackKey) {
        String identifier = JsonSupport.text(d, "identifier", "@id");
        String key = identifier != null ? identifier : fallbackKey;
        String raw = d.toString();
        try {
            return new HarvestItem.Parsed(key, draft(d).build(source), raw);
        } catch (IllegalArgumentException incomplete) {
            return new HarvestItem.Failed(key, raw, "Fiche DCAT-JSON incomplète : " + incomplete.getMessage() + ".");
        } catch (RuntimeException unexpected) {
            return new HarvestItem.Failed(key, raw, "Fiche DCAT-JSON illisible : " + unexpected + ".");
        }
    }

    DescriptionDraft draft(JsonNode d) {
        if (!d.isObject()) {
            throw new IllegalArgumentException("la fiche n'est pas un objet JSON");
        }
        DescriptionDraft draft = new DescriptionDraft();
        draft.sourceUri = JsonSupport.text(d, "identifier", "@id");
        draft.title = stripHtml(JsonSupport.text(d, "title"));
        draft.description = stripHtml(JsonSupport.text(d, "description"));
        draft.landingPage = JsonSupport.text(d, "landingPage");
        draft.keywords.addAll(JsonSupport.texts(d, "keyword"));
        draft.themes.addAll(JsonSupport.texts(d, "theme"));
        JsonNode publisher = d.get("publisher");
        String publisherName = JsonSupport.scalar(publisher);
        if (publisherName != null) {
            String siren = publisher.isObject() ? Producers.siren(JsonSupport.text(publisher, "identifier", "@id"))
                    : null;
            draft.producer(publisherName, siren);
        }
        JsonNode contact = d.get("contactPoint");
        if (contact != null && contact.isObject()) {
            draft.contact(JsonSupport.text(contact, "fn", "name"), JsonSupport.text(contact, "hasEmail", "mbox"),
                    JsonSupport.text(contact, "hasURL", "url"));
        }
        draft.licence = stripHtml(JsonSupport.text(d, "license", "rights"));
        String access = JsonSupport.text(d, "accessLevel", "accessRights");
        if (access != null) {
            String folded = Vocabularies.fold(access);
            draft.accessLevel = folded.equals("public") ? AccessLevel.OPEN
                    : folded.contains("restricted") || folded.contains("non-public") ? AccessLevel.RESTRICTED
                    : Vocabularies.accessLevel(access);
            if (draft.accessLevel == AccessLevel.RESTRICTED) {
                draft.accessProcedure = JsonSupport.text(d, "rights");
            }
        }
        for (String spatial : JsonSupport.texts(d, "spatial")) {
            var territory = TerritoryResolver.resolve(spatial);
            if (territory.isPresent()) {
                draft.territories.add(territory.get());
            } else if (spatial.matches("[-0-9., ]+")) {
                draft.notes.add("couverture spatiale donnée par une emprise seulement");
            }
        }
        String temporal = JsonSupport.text(d, "temporal");
        if (temporal != null && temporal.contains("/")) {
            String[] bounds = temporal.split("/", 2);
            draft.temporal(Vocabularies.date(bounds[0], false), Vocabularies.date(bounds[1], true));
        }
        draft.frequency(Vocabularies.frequency(JsonSupport.text(d, "accrualPeriodicity", "frequency")));
        draft.issued = Vocabularies.instant(JsonSupport.text(d, "issued"));
        draft.modified = Vocabularies.instant(JsonSupport.text(d, "modified"));
        for (String conforms : JsonSupport.texts(d, "conformsTo")) {
            DcatMapper.schema(conforms, draft);
        }
        JsonNode distributions = d.get("distribution");
        if (distributions != null && distributions.isArray()) {
            for (JsonNode dist : distributions) {
                Long size = JsonSupport.number(dist, "byteSize");
                draft.distribution(JsonSupport.text(dist, "title", "description"),
                        JsonSupport.text(dist, "accessURL"), JsonSupport.text(dist, "downloadURL"),
                        JsonSupport.text(dist, "format"), JsonSupport.text(dist, "mediaType"), size);
            }
        }
        return draft;
    }

    /** Descriptions and licences exported by ArcGIS Hub come as HTML fragments. */
    static String stripHtml(String text) {
        if (text == null || !TAG.matcher(text).find()) {
            return text;
        }
        return TAG.matcher(text).replaceAll(" ").replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
