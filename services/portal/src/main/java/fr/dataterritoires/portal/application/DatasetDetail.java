package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dataset as dataset-search's {@code GET /api/datasets/{id}} returns it (the fields the page shows). */
public record DatasetDetail(String id, String status, Description description, List<String> formats,
                            Quality quality, Long freshnessLagDays, Demand demand) {

    public boolean isOpen() {
        return description != null && description.access() != null && "OPEN".equals(description.access().level());
    }

    public record Description(String landingPage, String title, String description, List<String> keywords,
                              List<String> themes, Producer producer, String producerTypeLabel,
                              ContactPoint contactPoint, String licence, List<Distribution> distributions,
                              Access access, Coverage coverage, Temporal temporal, String frequency,
                              Instant issued, Instant modified) {
    }

    public record Producer(String name, String siren) {
    }

    public record ContactPoint(String name, String email) {
    }

    public record Distribution(String title, String url, String accessUrl, String downloadUrl, String format,
                               String mediaType, Long byteSize, boolean openFormat) {

        /** Where a visitor goes to get the file: download first, then access, then the plain URL. */
        public String link() {
            return downloadUrl != null ? downloadUrl : accessUrl != null ? accessUrl : url;
        }
    }

    public record Access(String level, String label, String procedure) {
    }

    public record Coverage(List<Territory> territories, String granularity) {
    }

    public record Territory(String key, String level, String code) {
    }

    public record Temporal(LocalDate start, LocalDate end) {
    }

    /** Score between 0 and 1 and each named criterion, met or not. */
    public record Quality(double score, List<Criterion> criteria) {

        public long percent() {
            return Math.round(score * 100);
        }

        public long met() {
            return criteria == null ? 0 : criteria.stream().filter(Criterion::met).count();
        }
    }

    public record Criterion(String criterion, String label, boolean met) {
    }

    public record Demand(int priorityDeclarations, boolean nationalPriority, int accessRequests, boolean priority) {
    }
}
