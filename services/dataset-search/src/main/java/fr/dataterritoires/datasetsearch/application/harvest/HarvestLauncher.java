package fr.dataterritoires.datasetsearch.application.harvest;

import java.util.UUID;

/**
 * Hands a started run to the harvest route, to execute in the background: on-demand runs take the same entry as
 * scheduled ones.
 */
public interface HarvestLauncher {

    void launch(String sourceId, UUID runId);
}
