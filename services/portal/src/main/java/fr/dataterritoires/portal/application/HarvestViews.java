package fr.dataterritoires.portal.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the harvest pages read of dataset-search: its sources, their runs and a run's unreadable records, as its REST
 * API answers ({@code /sources}, {@code /sources/{id}/runs}, {@code /harvest-runs/{id}}, {@code .../failures}).
 */
public final class HarvestViews {

    private HarvestViews() {
    }

    public record Producer(String name, String siren, String type) {
    }

    public record Source(String id, String name, String kind, String url, String schedule, boolean enabled,
                         String defaultAccessLevel, Producer defaultProducer) {
    }

    /** {@code created} is dataset-search's {@code counts.new}: new and republished datasets. */
    public record Counts(@JsonProperty("new") int created, int updated, int unchanged, int withdrawn, int failed) {

        /** Records the run has dealt with so far. */
        public int processed() {
            return created + updated + unchanged + withdrawn + failed;
        }
    }

    public record Run(String id, String sourceId, String trigger, String status, Instant started, Instant finished,
                      long durationMs, Counts counts, String error) {

        public boolean isRunning() {
            return "RUNNING".equals(status);
        }

        public String statusLabel() {
            return switch (status == null ? "" : status) {
                case "RUNNING" -> "En cours";
                case "COMPLETED" -> "Terminée";
                case "FAILED" -> "Échouée";
                default -> status;
            };
        }

        /** The DSFR badge of the status. */
        public String statusBadge() {
            return switch (status == null ? "" : status) {
                case "RUNNING" -> "fr-badge--info";
                case "COMPLETED" -> counts().failed() > 0 ? "fr-badge--warning" : "fr-badge--success";
                case "FAILED" -> "fr-badge--error";
                default -> "fr-badge--new";
            };
        }

        public String triggerLabel() {
            return "SCHEDULE".equals(trigger) ? "Planifiée" : "ON_DEMAND".equals(trigger) ? "À la demande" : trigger;
        }

        /**
         * One sentence for the page's live region: said when the status changes, not at every count, so that a
         * screen reader is not interrupted every few seconds.
         */
        public String summary() {
            Counts c = counts();
            return switch (status == null ? "" : status) {
                case "RUNNING" -> "Moisson en cours.";
                case "COMPLETED" -> "Moisson terminée en " + durationLabel() + " : " + c.processed()
                        + (c.processed() > 1 ? " fiches traitées" : " fiche traitée") + ", " + c.created()
                        + (c.created() > 1 ? " nouveaux jeux" : " nouveau jeu") + ", " + c.failed()
                        + (c.failed() > 1 ? " fiches en échec." : " fiche en échec.");
                case "FAILED" -> "La moisson a échoué : " + (error == null ? "source illisible." : error);
                default -> status;
            };
        }

        public Counts counts() {
            return counts == null ? new Counts(0, 0, 0, 0, 0) : counts;
        }

        /** The duration in French words: "850 ms", "12 s", "3 min 05 s", "1 h 02 min". */
        public String durationLabel() {
            return duration(Duration.ofMillis(Math.max(0, durationMs)));
        }
    }

    public record Failure(String recordKey, String reason, String raw, Instant at) {
    }

    public record FailurePage(String runId, long total, int offset, int limit, List<Failure> failures) {
    }

    /** A source and its latest runs, newest first. */
    public record SourceRuns(Source source, List<Run> runs) {

        public Run latest() {
            return runs.isEmpty() ? null : runs.getFirst();
        }
    }

    static String duration(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return "%d min %02d s".formatted(seconds / 60, seconds % 60);
        }
        return "%d h %02d min".formatted(seconds / 3600, (seconds % 3600) / 60);
    }
}
