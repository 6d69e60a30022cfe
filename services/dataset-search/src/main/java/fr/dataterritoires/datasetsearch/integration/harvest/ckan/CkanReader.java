package fr.dataterritoires.datasetsearch.integration.harvest.ckan;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import fr.dataterritoires.datasetsearch.integration.harvest.DescriptionDraft;
import fr.dataterritoires.datasetsearch.integration.harvest.HttpFetcher;
import fr.dataterritoires.datasetsearch.integration.harvest.JsonSupport;
import fr.dataterritoires.datasetsearch.integration.harvest.Producers;
import fr.dataterritoires.datasetsearch.integration.harvest.TerritoryResolver;
import fr.dataterritoires.datasetsearch.integration.harvest.Vocabularies;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.DcatMapper;
import fr.dataterritoires.datasetsearch.integration.harvest.dcat.PodMapper;

/**
 * Reads the CKAN action API: {@code package_search} paged with start/rows until {@code count} is reached,
 * {@code package_show} responses, and bare package dicts or lists of them (also DKAN's list-valued result). Plain
 * DCAT-JSON objects as ckanext-dcat writes them are read as such.
 */
@Component
public class CkanReader implements SourceReader {

    private static final String ACCEPT = "application/json";

    private final HttpFetcher http;
    private final PodMapper pod;

    public CkanReader(HttpFetcher http, PodMapper pod) {
        this.http = http;
        this.pod = pod;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CKAN;
    }

    @Override
    public void read(HarvestSource source, Consumer<HarvestItem> sink) {
        URI url = source.url();
        String site = site(url);
        if (!url.getPath().endsWith("/package_search")) {
            JsonNode document = fetch(url);
            readDocument(document, source, site, url.toString(), sink);
            return;
        }
        int rows = http.properties().pageSize();
        int start = 0;
        int pages = 0;
        String previousFirst = null;
        while (true) {
            if (++pages > http.properties().maxPages()) {
                throw new SourceUnreadableException("Le catalogue CKAN " + url + " dépasse "
                        + http.properties().maxPages() + " pages : lecture arrêtée.");
            }
            URI page = pageUri(url, start, rows);
            JsonNode document = fetch(page);
            JsonNode result = result(document, page);
            JsonNode results = result.path("results");
            if (!result.isObject() || !results.isArray()) {
                throw new SourceUnreadableException("La réponse " + page + " n'est pas une page package_search "
                        + "(result.results manquant).");
            }
            String first = results.isEmpty() ? null : results.get(0).toString();
            if (first != null && first.equals(previousFirst)) {
                // A server ignoring start would serve page one forever: what follows it was never seen.
                throw new SourceUnreadableException("Le catalogue CKAN " + url + " renvoie la même page quel que "
                        + "soit « start » : pagination impossible.");
            }
            previousFirst = first;
            int position = 0;
            for (JsonNode dataset : results) {
                sink.accept(item(dataset, source, site, page + "#" + (start + ++position)));
            }
            long count = JsonSupport.count(result, "count");
            start += position;
            if (position == 0 || start >= count) {
                return;
            }
        }
    }

    private JsonNode fetch(URI uri) {
        HttpFetcher.Page page = http.get(uri, ACCEPT);
        try {
            JsonNode document = JsonSupport.MAPPER.readTree(page.text());
            if (document == null || document.isMissingNode()) {
                throw new SourceUnreadableException("La réponse " + uri + " est vide.");
            }
            return document;
        } catch (JacksonException malformed) {
            throw new SourceUnreadableException("La réponse " + uri + " n'est pas du JSON valide : "
                    + malformed.getOriginalMessage(), malformed);
        }
    }

    private static JsonNode result(JsonNode document, URI where) {
        if (document.isObject() && document.has("success")) {
            if (!document.path("success").asBoolean(false)) {
                throw new SourceUnreadableException("L'API CKAN " + where + " a répondu par une erreur : "
                        + document.path("error"));
            }
            return document.path("result");
        }
        return document;
    }

    void readDocument(JsonNode document, HarvestSource source, String site, String where,
            Consumer<HarvestItem> sink) {
        JsonNode result = result(document, URI.create(where));
        if (result.isObject() && result.path("results").isArray()) {
            int position = 0;
            for (JsonNode dataset : result.get("results")) {
                sink.accept(item(dataset, source, site, where + "#" + ++position));
            }
            return;
        }
        if (PodMapper.isCatalogue(result)) {
            pod.mapAll(result.get("dataset"), source, where, sink);
            return;
        }
        if (result.isArray()) {
            int position = 0;
            for (JsonNode dataset : result) {
                sink.accept(item(dataset, source, site, where + "#" + ++position));
            }
            return;
        }
        if (result.isObject() && (result.has("name") || result.has("id") || result.has("title")
                || result.has("identifier"))) {
            sink.accept(item(result, source, site, where));
            return;
        }
        throw new SourceUnreadableException("La réponse " + where + " n'est pas une réponse de l'API CKAN "
                + "(package_search, package_show) ni un jeu de données CKAN.");
    }

    HarvestItem item(JsonNode d, HarvestSource source, String site, String fallbackKey) {
        if (d.isObject() && isDcatJson(d)) {
            return pod.item(d, source, fallbackKey);
        }
        String key = JsonSupport.text(d, "id", "name");
        key = key != null ? key : fallbackKey;
        String raw = d.toString();
        try {
            return new HarvestItem.Parsed(key, draft(d, site).build(source), raw);
        } catch (IllegalArgumentException incomplete) {
            return new HarvestItem.Failed(key, raw, "Jeu de données CKAN incomplet : " + incomplete.getMessage()
                    + ".");
        } catch (RuntimeException unexpected) {
            return new HarvestItem.Failed(key, raw, "Jeu de données CKAN illisible : " + unexpected + ".");
        }
    }

    /** ckanext-dcat's JSON output: DCAT field names, none of CKAN's. */
    private static boolean isDcatJson(JsonNode d) {
        return !d.has("name") && !d.has("notes") && !d.has("resources") && !d.has("extras")
                && (d.has("identifier") || d.has("distribution") || d.has("landingPage"));
    }

    DescriptionDraft draft(JsonNode d, String site) {
        if (!d.isObject()) {
            throw new IllegalArgumentException("la fiche n'est pas un objet JSON");
        }
        Map<String, String> extras = extras(d);
        DescriptionDraft draft = new DescriptionDraft();
        String name = JsonSupport.text(d, "name");
        String id = JsonSupport.text(d, "id");
        String page = site != null && (name != null || id != null) ? site + "/dataset/" + (name != null ? name : id)
                : null;
        draft.sourceUri = firstNonNull(extras.get("uri"), page, JsonSupport.text(d, "uri"), id, name,
                JsonSupport.text(d, "identifier"), extras.get("identifier"), extras.get("guid"));
        draft.landingPage = page != null ? page : JsonSupport.text(d, "url");
        draft.title = firstNonNull(JsonSupport.text(d, "title"), translated(d, "title_translated"));
        draft.description = firstNonNull(JsonSupport.text(d, "notes"), translated(d, "notes_translated"));
        for (JsonNode tag : d.path("tags")) {
            draft.keywords.add(tag.isObject() ? JsonSupport.text(tag, "display_name", "name") : JsonSupport.scalar(tag));
        }
        draft.keywords.addAll(JsonSupport.texts(d, "keywords"));
        for (JsonNode group : d.path("groups")) {
            draft.themes.add(group.isObject() ? JsonSupport.text(group, "title", "display_name", "name")
                    : JsonSupport.scalar(group));
        }
        draft.themes.addAll(JsonSupport.texts(d, "theme"));
        if (extras.containsKey("theme")) {
            draft.themes.addAll(splitList(extras.get("theme")));
        }
        JsonNode organization = d.get("organization");
        if (organization != null && organization.isObject()) {
            String orgName = JsonSupport.text(organization, "title", "display_name", "name");
            if (orgName != null) {
                draft.producer(orgName, Producers.siren(JsonSupport.text(organization, "siren", "siret", "name")));
            }
        }
        JsonNode publishers = d.get("publisher");
        if (publishers != null) {
            for (JsonNode publisher : publishers.isArray() ? publishers : List.of(publishers)) {
                String pName = JsonSupport.scalar(publisher);
                if (pName != null) {
                    draft.producer(pName, publisher.isObject()
                            ? Producers.siren(JsonSupport.text(publisher, "identifier", "uri")) : null);
                }
            }
        }
        draft.producer(extras.get("publisher_name"), Producers.siren(extras.get("publisher_uri")));
        for (JsonNode contact : d.path("contact")) {
            draft.contact(JsonSupport.text(contact, "name"), JsonSupport.text(contact, "email"),
                    JsonSupport.text(contact, "url"));
        }
        draft.contact(extras.get("contact_name"), extras.get("contact_email"), extras.get("contact_uri"));
        draft.contact(JsonSupport.text(d, "maintainer"), JsonSupport.text(d, "maintainer_email"), null);
        draft.contact(JsonSupport.text(d, "author"), JsonSupport.text(d, "author_email"), null);
        draft.licence = firstNonNull(JsonSupport.text(d, "license_id"), JsonSupport.text(d, "license_title"),
                JsonSupport.text(d, "license_url"), JsonSupport.text(d, "license"), extras.get("license"));
        for (JsonNode r : d.path("resources")) {
            String url = JsonSupport.text(r, "url");
            String download = firstNonNull(JsonSupport.text(r, "download_url"),
                    "file.upload".equals(JsonSupport.text(r, "resource_type", "url_type")) ? url : null);
            String access = firstNonNull(JsonSupport.text(r, "access_url"), download == null ? url : null);
            draft.distribution(JsonSupport.text(r, "name", "description"), access, download,
                    JsonSupport.text(r, "format"), JsonSupport.text(r, "mimetype"), size(r));
        }
        String access = firstNonNull(JsonSupport.text(d, "access_rights"), extras.get("access_rights"));
        AccessLevel level = Vocabularies.accessLevel(access);
        if (level != null) {
            draft.accessLevel = level;
        } else if (d.path("private").asBoolean(false)) {
            // A private package is visible only to its organisation's members: shared, not open.
            draft.accessLevel = AccessLevel.SHARED;
        }
        spatial(d, extras, draft);
        for (JsonNode period : d.path("temporal_coverage")) {
            draft.temporal(Vocabularies.date(JsonSupport.text(period, "start"), false),
                    Vocabularies.date(JsonSupport.text(period, "end"), true));
        }
        draft.temporal(Vocabularies.date(firstNonNull(extras.get("temporal_start"), JsonSupport.text(d,
                "temporal_start")), false), Vocabularies.date(firstNonNull(extras.get("temporal_end"),
                JsonSupport.text(d, "temporal_end")), true));
        draft.frequency(Vocabularies.frequency(firstNonNull(JsonSupport.text(d, "frequency"),
                extras.get("frequency"), extras.get("accrual_periodicity"))));
        draft.issued = firstInstant(JsonSupport.text(d, "issued"), extras.get("issued"), extras.get("dcat_issued"),
                JsonSupport.text(d, "metadata_created"));
        draft.modified = firstInstant(JsonSupport.text(d, "modified"), extras.get("modified"),
                extras.get("dcat_modified"), JsonSupport.text(d, "metadata_modified"));
        for (String conforms : JsonSupport.texts(d, "conforms_to")) {
            DcatMapper.schema(conforms, draft);
        }
        if (extras.containsKey("conforms_to")) {
            splitList(extras.get("conforms_to")).forEach(c -> DcatMapper.schema(c, draft));
        }
        return draft;
    }

    private static void spatial(JsonNode d, Map<String, String> extras, DescriptionDraft draft) {
        List<String> names = new ArrayList<>();
        boolean geometry = false;
        for (JsonNode s : d.path("spatial_coverage")) {
            names.add(JsonSupport.text(s, "uri"));
            names.add(JsonSupport.text(s, "text"));
            geometry |= s.hasNonNull("geom") || s.hasNonNull("bbox") || s.hasNonNull("centroid");
        }
        names.add(extras.get("spatial_uri"));
        names.add(extras.get("spatial_text"));
        String spatial = firstNonNull(extras.get("spatial"), JsonSupport.text(d, "spatial"));
        if (spatial != null && spatial.strip().startsWith("{")) {
            geometry = true;
        } else {
            names.add(spatial);
        }
        for (String name : names) {
            TerritoryResolver.resolve(name).ifPresent(draft.territories::add);
        }
        if (draft.territories.isEmpty() && geometry) {
            draft.notes.add("couverture spatiale donnée par une géométrie seulement");
        }
    }

    private static Long size(JsonNode r) {
        Long size = JsonSupport.number(r, "size");
        if (size == null) {
            String text = JsonSupport.text(r, "size");
            if (text != null && text.matches("\\d+\\s*\\D*")) {
                size = Long.parseLong(text.replaceAll("\\D", ""));
            }
        }
        return size;
    }

    private static String translated(JsonNode d, String field) {
        JsonNode values = d.get(field);
        if (values == null || !values.isObject()) {
            return null;
        }
        return firstNonNull(JsonSupport.text(values, "fr"), JsonSupport.text(values, "en"),
                values.propertyNames().stream().map(k -> JsonSupport.text(values, k)).filter(v -> v != null)
                        .findFirst().orElse(null));
    }

    private static Map<String, String> extras(JsonNode d) {
        Map<String, String> extras = new HashMap<>();
        for (JsonNode extra : d.path("extras")) {
            String key = JsonSupport.text(extra, "key");
            String value = JsonSupport.scalar(extra.get("value"));
            if (key != null && value != null && !value.isBlank()) {
                extras.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
            }
        }
        return extras;
    }

    /** CKAN extras hold lists as JSON arrays or comma-separated text. */
    private static List<String> splitList(String value) {
        String v = value.strip();
        if (v.startsWith("[")) {
            try {
                return JsonSupport.texts(JsonSupport.MAPPER.readTree("{\"v\":" + v + "}"), "v");
            } catch (JacksonException notJson) {
                // fall back to commas
            }
        }
        return List.of(v.split("\\s*,\\s*"));
    }

    private static java.time.Instant firstInstant(String... values) {
        for (String value : values) {
            java.time.Instant instant = Vocabularies.instant(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }

    /** The CKAN site root ("https://demo.ckan.org") of an action API URL, or null for a plain file. */
    static String site(URI url) {
        String text = url.toString();
        int api = text.indexOf("/api/3/action/");
        if (api < 0) {
            api = text.indexOf("/api/action/");
        }
        return api < 0 ? null : text.substring(0, api);
    }

    static URI pageUri(URI url, int start, int rows) {
        String query = url.getRawQuery();
        StringBuilder q = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!name.equals("start") && !name.equals("rows") && !pair.isBlank()) {
                    q.append(q.isEmpty() ? "" : "&").append(pair);
                }
            }
        }
        q.append(q.isEmpty() ? "" : "&").append("start=").append(start).append("&rows=").append(rows);
        String text = url.toString();
        int mark = text.indexOf('?');
        return URI.create((mark < 0 ? text : text.substring(0, mark)) + "?" + q);
    }
}
