package fr.dataterritoires.datasetsearch.persistence.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The datasets index ({@code dataterritoires.index.*}).
 *
 * @param alias            name searches and writes go through; versioned indices sit behind it
 * @param prefix           prepended to the alias and index names ({@code <prefix>-datasets}); when unset, the
 *                         test namespace {@code dataterritoires.test.namespace} is used if present, so that test
 *                         contexts sharing one node do not collide
 * @param replicas         replicas of a new index; unset: 0 on a single-node cluster, else 1
 * @param refresh          whether {@code index}/{@code remove} wait until the change is searchable; off by default:
 *                         changes show within the index's refresh interval (1 s), and waiting on every harvest batch
 *                         halves bulk throughput. Tests turn it on to search right after writing
 * @param bulkSize         documents per bulk request
 * @param bulkConcurrency  bulk requests in flight at once while an index is rebuilt (the catalogue is read and the
 *                         next documents built meanwhile)
 * @param createOnStartup  create the index behind the alias at start-up when the alias is missing
 */
@ConfigurationProperties("dataterritoires.index")
public record IndexProperties(
        @DefaultValue("datasets") String alias,
        String prefix,
        Integer replicas,
        @DefaultValue("false") boolean refresh,
        @DefaultValue("500") int bulkSize,
        @DefaultValue("true") boolean createOnStartup,
        @DefaultValue("2") int bulkConcurrency) {

    public IndexProperties {
        bulkConcurrency = Math.max(1, bulkConcurrency);
    }

    /** The defaults, but every write searchable at once (tests that search right after writing). */
    public static IndexProperties defaults() {
        return new IndexProperties("datasets", null, null, true, 500, true, 2);
    }
}
