package fr.dataterritoires.datasetsearch.application.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the search API ({@code dataterritoires.search.*}).
 *
 * @param timeout        time budget of one query: sent to Elasticsearch and enforced client-side; past it, 504
 * @param defaultSize    page size when none is asked
 * @param maxSize        largest page size
 * @param maxWindow      largest {@code page * size}; beyond, clients follow the cursor (Elasticsearch's own
 *                       max_result_window is 10 000)
 * @param maxTextLength  longest free text accepted
 * @param maxFilterValues most values accepted for one multi-valued filter
 * @param suggestions    suggestions returned per kind (datasets, organisations, territories)
 */
@ConfigurationProperties("dataterritoires.search")
public record SearchProperties(
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("20") int defaultSize,
        @DefaultValue("100") int maxSize,
        @DefaultValue("10000") int maxWindow,
        @DefaultValue("500") int maxTextLength,
        @DefaultValue("50") int maxFilterValues,
        @DefaultValue("5") int suggestions) {

    public static SearchProperties defaults() {
        return new SearchProperties(Duration.ofSeconds(2), 20, 100, 10_000, 500, 50, 5);
    }
}
