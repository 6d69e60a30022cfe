package fr.dataterritoires.datasetsearch.application.export;

/**
 * An organisation as CKAN lists it: the producers of published datasets.
 *
 * @param name     slug of the producer's name (CKAN organisation name)
 * @param title    the producer's name
 * @param datasets number of published datasets it produces
 */
public record CkanOrganization(String name, String title, long datasets) {
}
