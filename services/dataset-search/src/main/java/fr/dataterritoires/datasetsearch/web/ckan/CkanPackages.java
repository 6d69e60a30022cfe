package fr.dataterritoires.datasetsearch.web.ckan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.dataterritoires.datasetsearch.application.export.Licences;
import fr.dataterritoires.datasetsearch.application.export.Slugs;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.Provenance;
import fr.dataterritoires.datasetsearch.domain.QualityScore;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;

/**
 * A catalogue dataset as a CKAN package dict (the fields CKAN clients and harvesters read), with what CKAN has no
 * field for (access level, territorial coverage, period, frequency, schema, quality) in {@code extras}.
 */
final class CkanPackages {

    private CkanPackages() {
    }

    /** The CKAN name of a published dataset: its title's slug and its id. */
    static String name(Dataset dataset, Instant now) {
        return Slugs.datasetName(dataset.description(now).map(DatasetDescription::title).orElse(""), dataset.id());
    }

    static String organizationName(Producer producer) {
        return organizationName(producer.name());
    }

    /** An organisation's CKAN name: the slug of the producer's name. */
    static String organizationName(String producerName) {
        String slug = Slugs.slug(producerName, Slugs.MAX_NAME_LENGTH);
        return slug.isEmpty() ? "organisation-sans-nom" : slug;
    }

    /** A theme's CKAN group name. */
    static String groupName(String theme) {
        return Slugs.slug(theme, 100);
    }

    /** A licence's CKAN id: the known one of a recognised licence, else the slug of what the source says. */
    static String licenceId(String licence) {
        return Licences.recognise(licence).map(Licences::ckanId).orElseGet(() -> {
            String slug = Slugs.slug(licence, 100);
            return slug.isEmpty() ? "other" : slug;
        });
    }

    static Map<String, Object> packageDict(Dataset dataset, Instant now) {
        DatasetDescription d = dataset.description(now).orElseThrow();
        String id = dataset.id().toString();
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("id", id);
        dict.put("name", Slugs.datasetName(d.title(), dataset.id()));
        dict.put("title", d.title());
        dict.put("notes", d.description());
        dict.put("url", d.landingPage());
        dict.put("type", "dataset");
        dict.put("state", "active");
        dict.put("private", false);
        Optional<Licences> licence = Licences.recognise(d.licence());
        if (licence.isPresent()) {
            dict.put("license_id", licence.get().ckanId());
            dict.put("license_title", licence.get().title());
            dict.put("license_url", licence.get().uri());
        } else if (d.licence() != null) {
            dict.put("license_id", licenceId(d.licence()));
            dict.put("license_title", d.licence());
            dict.put("license_url", d.licence().matches("https?://\\S+") ? d.licence() : null);
        } else {
            dict.put("license_id", "notspecified");
            dict.put("license_title", "Licence non spécifiée");
            dict.put("license_url", null);
        }
        dict.put("isopen", d.accessLevel() == AccessLevel.OPEN && licence.map(Licences::isOpen).orElse(false));
        if (d.producer() != null) {
            String org = organizationName(d.producer());
            Map<String, Object> organization = new LinkedHashMap<>();
            organization.put("id", org);
            organization.put("name", org);
            organization.put("title", d.producer().name());
            organization.put("type", "organization");
            organization.put("is_organization", true);
            organization.put("state", "active");
            dict.put("owner_org", org);
            dict.put("organization", organization);
        } else {
            dict.put("owner_org", null);
            dict.put("organization", null);
        }
        if (d.contactPoint() != null) {
            dict.put("maintainer", d.contactPoint().name());
            dict.put("maintainer_email", d.contactPoint().email());
        } else {
            dict.put("maintainer", null);
            dict.put("maintainer_email", null);
        }
        List<Map<String, Object>> tags = d.keywords().stream()
                .map(keyword -> Map.<String, Object>of("name", keyword, "display_name", keyword, "state", "active"))
                .toList();
        dict.put("num_tags", tags.size());
        dict.put("tags", tags);
        dict.put("groups", d.themes().stream().filter(theme -> !theme.contains("://"))
                .map(theme -> Map.<String, Object>of("name", groupName(theme), "title", theme,
                        "display_name", theme))
                .toList());
        List<Map<String, Object>> resources = new ArrayList<>();
        List<Distribution> distributions = d.distributions();
        for (int i = 0; i < distributions.size(); i++) {
            resources.add(resource(id, i, distributions.get(i)));
        }
        dict.put("num_resources", resources.size());
        dict.put("resources", resources);
        dict.put("metadata_created", timestamp(dataset.created()));
        dict.put("metadata_modified", timestamp(d.lastChange().orElse(dataset.created())));
        dict.put("extras", extras(dataset, d, now));
        return dict;
    }

    private static Map<String, Object> resource(String packageId, int position, Distribution distribution) {
        Map<String, Object> resource = new LinkedHashMap<>();
        // CKAN resource ids are UUIDs; derived from the dataset id and position so that they stay stable.
        resource.put("id", UUID.nameUUIDFromBytes((packageId + "/" + (position + 1)).getBytes(StandardCharsets.UTF_8))
                .toString());
        resource.put("package_id", packageId);
        resource.put("position", position);
        resource.put("name", distribution.title() != null ? distribution.title()
                : distribution.format() != null ? distribution.format() : "Ressource " + (position + 1));
        resource.put("url", distribution.url());
        resource.put("format", distribution.format() == null ? "" : distribution.format());
        resource.put("mimetype", distribution.mediaType());
        resource.put("size", distribution.byteSize());
        resource.put("state", "active");
        resource.put("url_type", null);
        return resource;
    }

    private static List<Map<String, String>> extras(Dataset dataset, DatasetDescription d, Instant now) {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("access_level", d.accessLevel().name().toLowerCase(java.util.Locale.ROOT));
        extras.put("access_level_label", d.accessLevel().label());
        if (d.accessProcedure() != null) {
            extras.put("access_procedure", d.accessProcedure());
        }
        if (d.coverage().isDeclared()) {
            extras.put("spatial_coverage", d.coverage().territories().stream().sorted().map(TerritoryRef::key)
                    .collect(Collectors.joining(",")));
            extras.put("spatial_coverage_names", d.coverage().territories().stream().sorted()
                    .map(t -> Territories.get().find(t.level(), t.code()).map(Territory::name).orElse(t.code()))
                    .collect(Collectors.joining(", ")));
        }
        extras.put("granularity", d.coverage().granularity().name().toLowerCase(java.util.Locale.ROOT));
        if (d.temporal() != null) {
            if (d.temporal().start() != null) {
                extras.put("temporal_start", d.temporal().start().toString());
            }
            if (d.temporal().end() != null) {
                extras.put("temporal_end", d.temporal().end().toString());
            }
        }
        extras.put("frequency", d.frequency().name().toLowerCase(java.util.Locale.ROOT));
        if (d.schema() != null) {
            extras.put("schema", d.schema().id());
            if (d.schema().version() != null) {
                extras.put("schema_version", d.schema().version());
            }
            extras.put("schema_conformity", d.schema().conformity().name().toLowerCase(java.util.Locale.ROOT));
        }
        d.freshnessLag().ifPresent(lag -> extras.put("freshness_lag_days", Long.toString(lag.toDays())));
        QualityScore quality = QualityScore.assess(d, now);
        extras.put("quality_score", String.valueOf(quality.value()));
        extras.put("quality_criteria_met", quality.criteria().entrySet().stream().filter(Map.Entry::getValue)
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(",")));
        extras.put("source_uri", d.sourceUri());
        extras.put("sources", dataset.provenance().stream().map(Provenance::sourceId).distinct()
                .collect(Collectors.joining(",")));
        extras.put("views", Long.toString(d.usage().views()));
        extras.put("downloads", Long.toString(d.usage().downloads()));
        extras.put("reuses", Long.toString(d.usage().reuses()));
        return extras.entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
    }

    /** CKAN writes naive UTC timestamps ("2025-07-16T15:05:30.868851"). */
    static String timestamp(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
