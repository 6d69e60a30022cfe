package fr.dataterritoires.datasetsearch.application.search;

import java.util.List;

/** What to propose while someone types: datasets by title, organisations, territories (names and codes). */
public record Suggestions(List<DatasetSuggestion> datasets, List<OrganisationSuggestion> organisations,
                          List<TerritorySuggestion> territories) {

    public record DatasetSuggestion(String id, String title, String producerName) {
    }

    /** @param siren may be null; {@code datasets} counts the organisation's indexed datasets */
    public record OrganisationSuggestion(String name, String siren, long datasets) {
    }

    /** @param key the value for the {@code territory} filter */
    public record TerritorySuggestion(String key, String level, String code, String name) {
    }
}
