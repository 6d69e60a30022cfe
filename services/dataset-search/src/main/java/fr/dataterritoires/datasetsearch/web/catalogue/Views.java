package fr.dataterritoires.datasetsearch.web.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import fr.dataterritoires.datasetsearch.application.harvest.HarvestFailureStore;
import fr.dataterritoires.datasetsearch.domain.ContactPoint;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DemandSignals;
import fr.dataterritoires.datasetsearch.domain.HarvestRun;
import fr.dataterritoires.datasetsearch.domain.HarvestSource;
import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.Provenance;
import fr.dataterritoires.datasetsearch.domain.QualityCriterion;
import fr.dataterritoires.datasetsearch.domain.QualityScore;
import fr.dataterritoires.datasetsearch.domain.UsageCounts;

/** The JSON shapes of the catalogue API. */
final class Views {

    private Views() {
    }

    record CriterionView(String criterion, String label, boolean met) {
    }

    record QualityView(double score, List<CriterionView> criteria) {
        static QualityView of(QualityScore score) {
            return new QualityView(score.value(), Arrays.stream(QualityCriterion.values())
                    .map(c -> new CriterionView(c.name(), c.label(), score.meets(c))).toList());
        }
    }

    record ProvenanceView(String sourceId, String recordKey, Instant firstSeen, Instant lastSeen) {
        static ProvenanceView of(Provenance p) {
            return new ProvenanceView(p.sourceId(), p.recordKey(), p.firstSeen(), p.lastSeen());
        }
    }

    record DemandView(int priorityDeclarations, boolean nationalPriority, int accessRequests, boolean priority) {
        static DemandView of(DemandSignals d) {
            return new DemandView(d.priorityDeclarations(), d.nationalPriority(), d.accessRequests(), d.isPriority());
        }
    }

    record TerritoryView(String key, String level, String code) {
    }

    record DistributionView(String title, String url, String accessUrl, String downloadUrl, String format,
                            String mediaType, Long byteSize, boolean openFormat) {
    }

    record AccessView(String level, String label, String procedure) {
    }

    record CoverageView(List<TerritoryView> territories, String granularity) {
    }

    record TemporalView(LocalDate start, LocalDate end) {
    }

    record SchemaView(String id, String version, String conformity) {
    }

    /** The merged description as the API shows it: explicit, so that the stored form can change on its own. */
    record DescriptionView(String sourceUri, String landingPage, String title, String description,
                           List<String> keywords, List<String> themes, Producer producer, String producerTypeLabel,
                           ContactPoint contactPoint, String licence, List<DistributionView> distributions,
                           AccessView access, CoverageView coverage, TemporalView temporal, String frequency,
                           Instant issued, Instant modified, SchemaView schema, UsageCounts usage) {

        static DescriptionView of(DatasetDescription d) {
            return new DescriptionView(d.sourceUri(), d.landingPage(), d.title(), d.description(), d.keywords(),
                    d.themes(), d.producer(), d.producer() == null ? null : d.producer().type().label(),
                    d.contactPoint(), d.licence(),
                    d.distributions().stream().map(x -> new DistributionView(x.title(), x.url(), x.accessUrl(),
                            x.downloadUrl(), x.format(), x.mediaType(), x.byteSize(), x.isOpenFormat())).toList(),
                    new AccessView(d.accessLevel().name(), d.accessLevel().label(), d.accessProcedure()),
                    new CoverageView(d.coverage().territories().stream()
                            .map(t -> new TerritoryView(t.key(), t.level().name(), t.code())).toList(),
                            d.coverage().granularity().name()),
                    d.temporal() == null ? null : new TemporalView(d.temporal().start(), d.temporal().end()),
                    d.frequency().name(), d.issued(), d.modified(),
                    d.schema() == null ? null : new SchemaView(d.schema().id(), d.schema().version(),
                            d.schema().conformity().name()),
                    d.usage());
        }
    }

    /**
     * @param freshnessLagDays how far the period described lags its publication, in whole days; null when unknown
     */
    record DatasetDetail(String id, String status, DescriptionView description, List<String> formats,
                         QualityView quality, Long freshnessLagDays, List<ProvenanceView> provenance,
                         DemandView demand, Instant created) {

        static DatasetDetail of(Dataset dataset, Instant now) {
            DatasetDescription description = dataset.description(now).orElseThrow();
            return new DatasetDetail(dataset.id().toString(), dataset.status().name(), DescriptionView.of(description),
                    description.formats(), QualityView.of(dataset.quality(now).orElseThrow()),
                    description.freshnessLag().map(lag -> lag.toDays()).orElse(null),
                    dataset.provenance().stream().map(ProvenanceView::of).toList(),
                    DemandView.of(dataset.demand()), dataset.created());
        }
    }

    record SourceView(String id, String name, String kind, String url, String schedule, boolean enabled,
                      String defaultAccessLevel, Producer defaultProducer) {
        static SourceView of(HarvestSource s) {
            return new SourceView(s.id(), s.name(), s.kind().name(), s.url().toString(), s.schedule(), s.enabled(),
                    s.defaultAccessLevel().name(), s.defaultProducer());
        }
    }

    record Counts(@JsonProperty("new") int created, int updated, int unchanged, int withdrawn, int failed) {
    }

    /** {@code counts.new} counts new and republished datasets. */
    record RunView(String id, String sourceId, String trigger, String status, Instant started, Instant finished,
                   long durationMs, Counts counts, String error) {
        static RunView of(HarvestRun r, Instant now) {
            return new RunView(r.id().toString(), r.sourceId(), r.trigger().name(), r.status().name(), r.started(),
                    r.finished(), r.duration(now).toMillis(),
                    new Counts(r.created(), r.updated(), r.unchanged(), r.withdrawn(), r.failed()), r.error());
        }
    }

    record FailureView(String recordKey, String reason, String raw, Instant at) {
        static FailureView of(HarvestFailureStore.Failure f) {
            return new FailureView(f.recordKey(), f.reason(), f.raw(), f.at());
        }
    }

    record FailurePage(String runId, long total, int offset, int limit, List<FailureView> failures) {
    }

    record RebuildView(long indexed) {
    }
}
