package fr.dataterritoires.roadmaps.application.roadmap;

import java.util.List;
import java.util.UUID;

/** Port: which roadmaps have items naming a catalogue dataset (for the automatic progress). */
public interface DatasetLinks {

    /** Ids of the roadmaps with at least one DATASET item naming {@code catalogueDatasetId}, in a stable order. */
    List<UUID> roadmapsNaming(String catalogueDatasetId);
}
