package fr.dataterritoires.datasetsearch.integration.harvest.datagouv;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import fr.dataterritoires.datasetsearch.application.harvest.SourceReader;
import fr.dataterritoires.datasetsearch.application.harvest.SourceUnreadableException;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.HarvestItem;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.SourceKind;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;
import fr.dataterritoires.datasetsearch.integration.harvest.DescriptionDraft;
import fr.dataterritoires.datasetsearch.integration.harvest.HttpFetcher;
import fr.dataterritoires.datasetsearch.integration.harvest.JsonSupport;
import fr.dataterritoires.datasetsearch.integration.harvest.Producers;
import fr.dataterritoires.datasetsearch.integration.harvest.TerritoryResolver;
import fr.dataterritoires.datasetsearch.integration.harvest.Vocabularies;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.DcatMapper;

/**
 * Reads the udata API v1 (data.gouv.fr and other udata portals): pages {@code {data: [...], next_page}} followed to
 * the end, a single dataset object, or a udata fixture dump {@code {datasets: [{dataset, organization, resources}]}}.
 */
@Component
public class DatagouvReader implements SourceReader {

    private static final String ACCEPT = "application/json";

    private final HttpFetcher http;

    public DatagouvReader(HttpFetcher http) {
        this.http = http;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.DATAGOUV;
    }

    @Override
    public void read(HarvestSource source, Consumer<HarvestItem> sink) {
        http.followPages(source.url().toString(), "L'API udata " + source.url(), uri -> {
            HttpFetcher.Page page = http.get(uri, ACCEPT);
            JsonNode document;
            try {
                document = JsonSupport.MAPPER.readTree(page.text());
                if (document == null || document.isMissingNode()) {
                    throw new SourceUnreadableException("La réponse " + uri + " est vide.");
                }
            } catch (JacksonException malformed) {
                throw new SourceUnreadableException("La réponse " + uri + " n'est pas du JSON valide : "
                        + malformed.getOriginalMessage(), malformed);
            }
            String next = readDocument(document, source, uri.toString(), sink);
            if (next == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(uri.resolve(next.strip()).toString());
            } catch (IllegalArgumentException bad) {
                throw new SourceUnreadableException("Le lien next_page de " + uri + " est invalide : « " + next
                        + " ».", bad);
            }
        });
    }

    /** Maps one response and returns the next page's address, or null. */
    String readDocument(JsonNode document, HarvestSource source, String where, Consumer<HarvestItem> sink) {
        if (document.isObject() && document.path("data").isArray()) {
            int position = 0;
            for (JsonNode dataset : document.get("data")) {
                sink.accept(item(dataset, null, null, source, where + "#" + (++position)));
            }
            String next = JsonSupport.text(document, "next_page");
            return next == null || next.isBlank() ? null : next;
        }
        if (document.isObject() && document.path("datasets").isArray()) {
            int position = 0;
            for (JsonNode entry : document.get("datasets")) {
                position++;
                if (entry.path("dataset").isObject()) {
                    sink.accept(item(entry.get("dataset"), entry.get("organization"), entry.get("resources"), source,
                            where + "#" + position));
                } else {
                    sink.accept(item(entry, null, null, source, where + "#" + position));
                }
            }
            return null;
        }
        if (looksLikeDataset(document)) {
            sink.accept(item(document, null, null, source, where));
            return null;
        }
        throw new SourceUnreadableException("La réponse " + where + " n'est pas un catalogue udata : ni page "
                + "{data, next_page}, ni jeu de données, ni liste « datasets ».");
    }

    private static boolean looksLikeDataset(JsonNode node) {
        return node.isObject() && node.has("title") && node.has("id")
                && (node.has("resources") || node.has("slug") || node.has("page") || node.has("uri"));
    }

    HarvestItem item(JsonNode d, JsonNode organization, JsonNode resources, HarvestSource source,
            String fallbackKey) {
        String id = JsonSupport.text(d, "id");
        String key = id != null ? id : fallbackKey;
        String raw = d.toString();
        try {
            return new HarvestItem.Parsed(key, draft(d, organization, resources).build(source), raw);
        } catch (IllegalArgumentException incomplete) {
            return new HarvestItem.Failed(key, raw, "Jeu de données udata incomplet : " + incomplete.getMessage()
                    + ".");
        } catch (RuntimeException unexpected) {
            return new HarvestItem.Failed(key, raw, "Jeu de données udata illisible : " + unexpected + ".");
        }
    }

    DescriptionDraft draft(JsonNode d, JsonNode organizationOverride, JsonNode resourcesOverride) {
        if (!d.isObject()) {
            throw new IllegalArgumentException("la fiche n'est pas un objet JSON");
        }
        DescriptionDraft draft = new DescriptionDraft();
        draft.sourceUri = JsonSupport.text(d, "uri", "page", "id");
        draft.landingPage = JsonSupport.text(d, "page");
        draft.title = JsonSupport.text(d, "title");
        draft.description = JsonSupport.text(d, "description");
        draft.keywords.addAll(JsonSupport.texts(d, "tags"));
        draft.themes.addAll(JsonSupport.texts(d, "topics"));
        JsonNode organization = organizationOverride != null && organizationOverride.isObject() ? organizationOverride
                : d.get("organization");
        if (organization != null && organization.isObject()) {
            String siren = JsonSupport.text(organization, "siren");
            if (siren == null) {
                siren = Producers.siren(JsonSupport.text(organization, "siret", "business_number_id"));
            } else {
                siren = Producers.siren(siren);
            }
            draft.producer(JsonSupport.text(organization, "name"), siren);
        }
        JsonNode contacts = d.get("contact_points");
        if (contacts != null && contacts.isArray()) {
            for (JsonNode contact : contacts) {
                draft.contact(JsonSupport.text(contact, "name"), JsonSupport.text(contact, "email"),
                        JsonSupport.text(contact, "contact_form"));
            }
        }
        draft.licence = JsonSupport.text(d, "license");
        String access = JsonSupport.text(d, "access_type");
        if (access != null) {
            // udata's access types: open; open_with_account (open to registered users: shared with the members of
            // the portal, not anyone's to download); restricted.
            draft.accessLevel = switch (access) {
                case "restricted" -> AccessLevel.RESTRICTED;
                case "open_with_account" -> AccessLevel.SHARED;
                default -> AccessLevel.OPEN;
            };
        }
        JsonNode resources = resourcesOverride != null && resourcesOverride.isArray() ? resourcesOverride
                : d.get("resources");
        if (resources != null && resources.isArray()) {
            for (JsonNode r : resources) {
                String url = JsonSupport.text(r, "url");
                boolean file = "file".equals(JsonSupport.text(r, "filetype"));
                draft.distribution(JsonSupport.text(r, "title"), file ? null : url, file ? url : null,
                        JsonSupport.text(r, "format"), JsonSupport.text(r, "mime"), JsonSupport.number(r, "filesize"));
                JsonNode schema = r.get("schema");
                if (schema != null && schema.isObject()) {
                    draft.schema(JsonSupport.text(schema, "name"), JsonSupport.text(schema, "version"));
                }
            }
        }
        JsonNode schema = d.get("schema");
        if (schema != null && schema.isObject()) {
            String name = JsonSupport.text(schema, "name");
            if (name != null) {
                draft.schema = null;
                draft.schema(name, JsonSupport.text(schema, "version"));
            } else {
                DcatMapper.schema(JsonSupport.text(schema, "url"), draft);
            }
        }
        JsonNode spatial = d.get("spatial");
        if (spatial != null && spatial.isObject()) {
            for (String zone : JsonSupport.texts(spatial, "zones")) {
                TerritoryResolver.resolve(zone).ifPresent(draft.territories::add);
            }
            draft.granularity = TerritoryResolver.granularity(JsonSupport.text(spatial, "granularity"));
            if (draft.territories.isEmpty() && spatial.hasNonNull("geom")) {
                draft.notes.add("couverture spatiale donnée par une géométrie seulement");
            }
        }
        JsonNode temporal = d.get("temporal_coverage");
        if (temporal != null && temporal.isObject()) {
            draft.temporal(Vocabularies.date(JsonSupport.text(temporal, "start"), false),
                    Vocabularies.date(JsonSupport.text(temporal, "end"), true));
        }
        draft.frequency(Vocabularies.frequency(JsonSupport.text(d, "frequency")));
        draft.issued = Vocabularies.instant(JsonSupport.text(d, "created_at", "created_at_internal"));
        draft.modified = Vocabularies.instant(JsonSupport.text(d, "last_update", "last_modified",
                "last_modified_internal"));
        JsonNode metrics = d.get("metrics");
        if (metrics != null && metrics.isObject()) {
            draft.usage = new UsageCounts(JsonSupport.count(metrics, "views"),
                    JsonSupport.count(metrics, "resources_downloads"), JsonSupport.count(metrics, "reuses"),
                    JsonSupport.count(metrics, "followers"));
        }
        return draft;
    }
}
