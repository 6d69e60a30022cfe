package fr.dataterritoires.datasetsearch.application.demand;

import fr.dataterritoires.datasetsearch.domain.demand.AccessRequest;

/**
 * A request as shown to someone allowed to see it, assessed at one instant.
 *
 * @param datasetTitle null when the dataset is no longer described (withdrawn)
 * @param daysLeft     days left to answer, negative once overdue; null once answered
 */
public record AccessRequestDetails(AccessRequest request, String datasetTitle, boolean overdue, Long daysLeft) {
}
