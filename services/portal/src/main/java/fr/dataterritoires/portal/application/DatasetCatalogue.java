package fr.dataterritoires.portal.application;

import java.util.List;

import fr.dataterritoires.portal.domain.AccessRequestDraft;
import fr.dataterritoires.portal.domain.SearchCriteria;

/**
 * What the pages need from dataset-search (port; {@code integration.services} calls its REST API, through the gateway
 * when one is configured, with the signed-in user's token). Refusals come back as {@link ServiceRefusal}, an
 * unreachable or failing service as {@link ServiceUnavailable}.
 */
public interface DatasetCatalogue {

    SearchPage search(SearchCriteria criteria);

    DatasetDetail dataset(String id);

    /** Territories (communes, EPCI, départements, régions) whose name or code starts like {@code text}. */
    List<TerritoryChoice> territories(String text);

    /** The request as dataset-search recorded it; needs a signed-in user. */
    AccessRequestReceipt submitAccessRequest(AccessRequestDraft draft);

    /** The signed-in user's own requests, most recent first. */
    List<AccessRequestReceipt> myAccessRequests();
}
