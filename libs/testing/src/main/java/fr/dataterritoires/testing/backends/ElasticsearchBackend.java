package fr.dataterritoires.testing.backends;

/** A resolved Elasticsearch node or cluster, reached over HTTP. */
public interface ElasticsearchBackend {
    BackendSource source();

    /** Base HTTP URL, e.g. http://127.0.0.1:9200 */
    String url();

    /** True for the in-JVM node: indices must then be created with number_of_replicas 0. */
    default boolean singleNode() {
        return source() == BackendSource.EMBEDDED;
    }
}
