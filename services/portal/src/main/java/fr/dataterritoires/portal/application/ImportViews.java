package fr.dataterritoires.portal.application;

import java.time.Instant;
import java.util.List;

/**
 * What the import pages show: a préciput import as commons-calls records it ({@code /preciput/imports}), and a
 * roadmap item import as the roadmaps service answers it ({@code /roadmaps/{id}/items/import}), each error with its
 * line in the file.
 */
public final class ImportViews {

    private ImportViews() {
    }

    /**
     * A line the service refused, and why. {@code line} 0: the file as a whole (not UTF-8, no header…); {@code field}
     * is the column named in the file, when the error is about one.
     */
    public record LineError(int line, String field, String message) {

        public String where() {
            return line > 0 ? "Ligne " + line : "Fichier";
        }
    }

    /** A préciput import, applied (every line levied or already levied) or rejected (nothing levied). */
    public record PreciputImport(String id, String source, String fileName, String status, int lineCount, int levied,
                                 int duplicates, String totalLevied, boolean alreadyImported, List<LineError> errors,
                                 Instant importedAt) {

        public PreciputImport {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public boolean isApplied() {
            return "APPLIED".equals(status);
        }
    }

    /**
     * What a roadmap item import did: {@code applied} when every line was valid and added (the roadmap then at
     * {@code version} with {@code items}), else nothing imported and the errors by line; {@code dryRun}: checked only.
     */
    public record RoadmapImport(String roadmapId, String fileName, boolean dryRun, boolean applied, int lines,
                                List<Integer> invalidLines, List<LineError> errors, Long version, Integer items,
                                String detail) {

        public RoadmapImport {
            invalidLines = invalidLines == null ? List.of() : List.copyOf(invalidLines);
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
