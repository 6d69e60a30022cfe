package fr.dataterritoires.datasetsearch.domain;

import java.net.URI;
import java.util.Objects;

/**
 * A catalogue harvested on a schedule and on demand.
 *
 * @param id                 stable slug, e.g. {@code datasud-ckan}
 * @param name               French name shown to people
 * @param kind               protocol
 * @param url                entry point (catalogue file, CSW endpoint, API base)
 * @param schedule           Quartz cron expression, or null for on-demand only
 * @param enabled            disabled sources are neither scheduled nor runnable
 * @param defaultAccessLevel access level of records that do not say theirs
 * @param defaultProducer    producer of records that name none (a portal of one organisation), may be null
 */
public record HarvestSource(String id, String name, SourceKind kind, URI url, String schedule, boolean enabled,
                           AccessLevel defaultAccessLevel, Producer defaultProducer) {

    public HarvestSource {
        id = Text.requireNonBlank(id, "source id");
        if (!id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("A source id is 2 to 63 lower-case letters, digits or dashes");
        }
        name = Text.requireNonBlank(name, "source name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("A source is reached over http or https");
        }
        schedule = Text.blankToNull(schedule);
        defaultAccessLevel = Objects.requireNonNullElse(defaultAccessLevel, AccessLevel.OPEN);
    }
}
