package fr.dataterritoires.testing.backends;

/** A resolved Elasticsearch endpoint, whatever its source. */
record ElasticsearchNode(BackendSource source, String url, boolean singleNode) implements ElasticsearchBackend {

    @Override
    public String toString() {
        return "Elasticsearch " + source + " " + Redaction.redact(url);
    }
}
