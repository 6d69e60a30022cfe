package fr.dataterritoires.portal.application;

import java.util.List;

import fr.dataterritoires.portal.application.HarvestViews.FailurePage;
import fr.dataterritoires.portal.application.HarvestViews.Run;
import fr.dataterritoires.portal.application.HarvestViews.Source;

/**
 * What the harvest pages need from dataset-search (port; {@code integration} calls its REST API with the signed-in
 * user's token): sources and runs are public; starting a run and reading a run's failed records are the national
 * coordinator's, which dataset-search decides (403 comes back as a {@link ServiceRefusal}).
 */
public interface Harvests {

    /** How many runs of each source the list of sources shows. */
    int LATEST = 3;

    List<Source> sources();

    Source source(String id);

    /** The source's latest runs, newest first. */
    List<Run> runs(String sourceId, int limit);

    Run run(String runId);

    /** Starts a run of the source now; 409 (refusal) while another run of it is in progress. */
    Run start(String sourceId);

    FailurePage failures(String runId, int offset, int limit);
}
