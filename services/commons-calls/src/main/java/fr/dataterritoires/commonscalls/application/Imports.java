package fr.dataterritoires.commonscalls.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Records of préciput imports (files and API calls), keyed by the content's SHA-256. */
public interface Imports {

    record Import(UUID id, String source, String fileName, String sha256, String status, int lineCount, int levied,
                  int duplicates, List<ImportFile.LineError> errors, String actor, Instant importedAt) {
    }

    void insert(Import record);

    /** The applied import of this content, if any. */
    Optional<Import> appliedBySha(String sha256);

    Optional<Import> find(UUID id);

    List<Import> latest(int limit);

    void updateCounts(UUID id, int levied, int duplicates);
}
