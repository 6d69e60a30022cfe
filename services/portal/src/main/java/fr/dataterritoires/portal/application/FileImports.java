package fr.dataterritoires.portal.application;

import java.util.List;
import java.util.UUID;

import fr.dataterritoires.portal.application.ImportViews.PreciputImport;
import fr.dataterritoires.portal.application.ImportViews.RoadmapImport;

/**
 * Files the services import (port): innovation projects to levy the préciput on (commons-calls: a funder for its own
 * programmes, a national coordinator for any; all or nothing, every refused line recorded with its number) and items
 * of a roadmap (roadmaps: its issuer or a national coordinator; all or nothing, or a check without import). The file
 * goes as uploaded; its format follows its name ({@code .json}: JSON, else CSV).
 */
public interface FileImports {

    /**
     * Sends the file to commons-calls; answers the import it recorded, applied or rejected with its line errors.
     * Refusals other than bad lines (not allowed, not a text file) are {@link ServiceRefusal}s.
     */
    PreciputImport importPreciput(String fileName, byte[] content);

    /** The latest imports (national coordinators only: commons-calls refuses anyone else). */
    List<PreciputImport> preciputImports();

    PreciputImport preciputImport(String id);

    /**
     * Sends the file to the roadmaps service for the roadmap read at {@code version}; {@code dryRun}: every line
     * checked, nothing imported. Bad lines come back in the answer; other refusals (stale version, roadmap not in
     * draft, not the issuer) are {@link ServiceRefusal}s.
     */
    RoadmapImport importRoadmapItems(UUID roadmapId, long version, boolean dryRun, String fileName, byte[] content);
}
