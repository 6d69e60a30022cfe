package fr.dataterritoires.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes generated datasets with the field names of the data.gouv.fr API v1 ({@code /api/1/datasets/}), as in the
 * real responses of {@code shared/data/real/datagouv-api/}: {@code organization}, {@code resources},
 * {@code spatial.zones} / {@code granularity}, {@code temporal_coverage}, {@code metrics}, {@code license},
 * {@code frequency}, and the recent {@code access_type} (open, open_with_account, restricted).
 */
final class UdataJson {

    private static final DateTimeFormatter UDATA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS",
            Locale.ROOT);

    private final String publicBase;

    /** @param publicBase the base of {@code page} and {@code uri} links, e.g. https://www.data.gouv.fr */
    UdataJson(String publicBase) {
        this.publicBase = publicBase;
    }

    void write(GeneratedDataset d, JsonWriter json) {
        json.beginObject();
        json.field("id", d.id());
        json.field("title", d.title());
        json.field("slug", d.slug());
        json.field("acronym", d.subject().acronym());
        json.field("description", d.description());
        json.field("created_at", dateTime(d.created()));
        json.field("last_modified", dateTime(d.modified()));
        json.field("last_update", dateTime(d.modified()));
        json.field("deleted", (String) null);
        json.field("archived", (String) null);
        json.field("private", false);
        json.field("featured", false);
        json.field("page", publicBase + "/fr/datasets/" + d.slug() + "/");
        json.field("uri", publicBase + "/api/1/datasets/" + d.id() + "/");
        json.field("license", d.licence());
        json.field("frequency", d.frequency());
        json.field("frequency_date", (String) null);
        json.field("access_type", switch (d.access()) {
            case OPEN -> "open";
            case SHARED -> "open_with_account";
            case RESTRICTED -> "restricted";
        });
        if (d.access() != GeneratedDataset.Access.OPEN) {
            json.field("authorization_request_url", publicBase + "/fr/datasets/" + d.slug() + "/demande-acces/");
        }

        json.name("tags").beginArray();
        d.tags().forEach(json::value);
        json.endArray();

        json.name("badges").beginArray().endArray();

        json.name("organization").beginObject();
        GeneratedDataset.Producer p = d.producer();
        json.field("id", p.id());
        json.field("name", p.name());
        json.field("acronym", (String) null);
        json.field("slug", p.slug());
        json.field("class", "Organization");
        json.field("page", publicBase + "/fr/organizations/" + p.slug() + "/");
        json.field("uri", publicBase + "/api/1/organizations/" + p.slug() + "/");
        json.field("logo", (String) null);
        json.field("business_number_id", p.siren());
        json.name("badges").beginArray();
        json.beginObject().field("kind", p.badge()).endObject();
        json.endArray();
        json.endObject();
        json.field("owner", (String) null);

        json.name("contact_points").beginArray();
        json.beginObject().field("name", "Service données de " + p.name())
                .field("email", "opendata@" + p.slug() + ".example.fr").field("role", "contact").endObject();
        json.endArray();

        json.name("spatial").beginObject();
        json.name("zones").beginArray().value(zone(d)).endArray();
        json.field("granularity", d.granularity());
        json.field("geom", (String) null);
        json.endObject();

        if (d.temporalStart() == null) {
            json.field("temporal_coverage", (String) null);
        } else {
            json.name("temporal_coverage").beginObject()
                    .field("start", d.temporalStart().toString())
                    .field("end", d.temporalEnd().toString()).endObject();
        }

        json.name("resources").beginArray();
        for (GeneratedDataset.Resource r : d.resources()) {
            json.beginObject();
            json.field("id", r.id());
            json.field("title", r.title());
            json.field("description", "");
            json.field("type", r.format().equals("pdf") ? "documentation" : "main");
            json.field("filetype", "file");
            json.field("format", r.format());
            json.field("mime", r.mime());
            json.field("url", r.url());
            json.field("latest", r.url());
            json.field("filesize", r.filesize());
            json.field("created_at", dateTime(d.created()));
            json.field("last_modified", dateTime(d.modified()));
            json.field("is_available", true);
            if (r.schema() != null) {
                json.name("schema").beginObject().field("name", r.schema()).field("version", r.schemaVersion())
                        .field("url", (String) null).endObject();
            } else {
                json.name("schema").beginObject().endObject();
            }
            json.name("extras").beginObject().endObject();
            json.endObject();
        }
        json.endArray();

        json.name("metrics").beginObject();
        json.field("views", d.views());
        json.field("followers", d.followers());
        json.field("reuses", d.reuses());
        json.field("discussions", d.views() / 5000);
        json.field("resources_downloads", d.downloads());
        json.endObject();

        // The theme as a topic: what the harvester reads into the catalogue's themes.
        json.name("topics").beginArray().value(d.subject().theme()).endArray();
        json.name("extras").beginObject().endObject();
        json.endObject();
    }

    /** udata geozone id: fr:commune:69123, fr:epci:200046977, fr:departement:69, fr:region:84, country:fr. */
    static String zone(GeneratedDataset d) {
        return d.territoryLevel().equals("country") ? "country:fr"
                : "fr:" + d.territoryLevel() + ":" + d.territoryCode().toLowerCase(Locale.ROOT);
    }

    static String dateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(UDATA_DATE_TIME);
    }
}
