package fr.dataterritoires.datasetsearch.integration.harvest;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the harvest readers talk to sources ({@code dataterritoires.harvest.http.*}).
 *
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    time allowed for a whole response once the request is sent
 * @param userAgent      sent to sources so their operators know who harvests them
 * @param proxy          optional HTTP proxy ({@code http://host:port}) every request goes through
 * @param maxPages       guard against endless paging: a source serving more pages is unreadable
 * @param pageSize       records asked per page from paged APIs (CKAN rows, CSW maxRecords, udata page_size)
 */
@ConfigurationProperties("dataterritoires.harvest.http")
public record HarvestHttpProperties(Duration connectTimeout, Duration readTimeout, String userAgent, URI proxy,
                                    Integer maxPages, Integer pageSize) {

    public HarvestHttpProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(120) : readTimeout;
        userAgent = userAgent == null || userAgent.isBlank() ? "data-territoires dataset-search harvester" : userAgent;
        maxPages = maxPages == null || maxPages < 1 ? 10_000 : maxPages;
        pageSize = pageSize == null || pageSize < 1 ? 100 : pageSize;
    }

    /** Defaults, for code and tests built without Spring. */
    public static HarvestHttpProperties defaults() {
        return new HarvestHttpProperties(null, null, null, null, null, null);
    }
}
