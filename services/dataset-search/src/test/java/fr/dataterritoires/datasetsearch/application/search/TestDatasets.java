package fr.dataterritoires.datasetsearch.application.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.Distribution;
import fr.dataterritoires.datasetsearch.domain.Granularity;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.SchemaDeclaration;
import fr.dataterritoires.datasetsearch.domain.TemporalCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritorialCoverage;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;

/** Builds catalogue datasets for search tests (the domain objects the index receives from harvests). */
public final class TestDatasets {

    public static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    private final DatasetId id = DatasetId.random();
    private final String title;
    private String description;
    private List<String> keywords = List.of();
    private List<String> themes = List.of();
    private Producer producer;
    private String licence;
    private final List<Distribution> distributions = new ArrayList<>();
    private AccessLevel access = AccessLevel.OPEN;
    private final Set<TerritoryRef> territories = new LinkedHashSet<>();
    private Granularity granularity = Granularity.UNKNOWN;
    private Instant modified;
    private UsageCounts usage = UsageCounts.NONE;
    private SchemaDeclaration schema;
    private TemporalCoverage temporal;
    private UpdateFrequency frequency = UpdateFrequency.UNKNOWN;
    private String sourceUri;
    private String landingPage;

    private TestDatasets(String title) {
        this.title = title;
        this.sourceUri = "https://example.test/datasets/" + id;
    }

    public static TestDatasets dataset(String title) {
        return new TestDatasets(title);
    }

    public TestDatasets description(String text) {
        this.description = text;
        return this;
    }

    public TestDatasets keywords(String... values) {
        this.keywords = List.of(values);
        return this;
    }

    public TestDatasets themes(String... values) {
        this.themes = List.of(values);
        return this;
    }

    public TestDatasets producer(String name, String siren, ProducerType type) {
        this.producer = new Producer(name, siren, type);
        return this;
    }

    public TestDatasets licence(String value) {
        this.licence = value;
        return this;
    }

    public TestDatasets formats(String... formats) {
        for (String format : formats) {
            distributions.add(new Distribution(null, null, "https://example.test/files/" + id + "." + format,
                    format, null, null));
        }
        return this;
    }

    public TestDatasets access(AccessLevel level) {
        this.access = level;
        return this;
    }

    /** Coverage as keys ({@code commune:38185}). */
    public TestDatasets coverage(Granularity granularity, String... keys) {
        this.granularity = granularity;
        for (String key : keys) {
            territories.add(TerritoryRef.parse(key));
        }
        return this;
    }

    public TestDatasets modified(Instant instant) {
        this.modified = instant;
        return this;
    }

    public TestDatasets views(long views) {
        this.usage = new UsageCounts(views, 0, 0, 0);
        return this;
    }

    public TestDatasets schema(String schemaId) {
        this.schema = new SchemaDeclaration(schemaId, "1.0.0", null);
        return this;
    }

    /** Meets every quality criterion it can: long description, licence, open format, coverage, period, frequency. */
    public TestDatasets wellDescribed() {
        if (description == null || description.length() < 120) {
            description = (description == null ? title : description) + ". Ce jeu de données est publié et tenu à "
                    + "jour par son producteur, avec une documentation des champs, de la méthode et des limites.";
        }
        licence = licence == null ? "etalab-2.0" : licence;
        if (distributions.isEmpty()) {
            formats("CSV");
        }
        if (territories.isEmpty()) {
            coverage(Granularity.NATIONAL, "national:FR");
        }
        temporal = new TemporalCoverage(java.time.LocalDate.parse("2020-01-01"), null);
        frequency = UpdateFrequency.IRREGULAR;
        return this;
    }

    public TestDatasets sourceUri(String uri) {
        this.sourceUri = uri;
        return this;
    }

    public TestDatasets landingPage(String url) {
        this.landingPage = url;
        return this;
    }

    public Dataset build() {
        DatasetDescription d = new DatasetDescription(sourceUri, landingPage, title, description, keywords, themes,
                producer, null, licence, distributions, access, null,
                new TerritorialCoverage(territories, granularity), temporal, frequency, null, modified, schema, usage);
        return Dataset.discover(id, "test-source", sourceUri, d, NOW);
    }
}
