package fr.dataterritoires.datasetsearch.web.dcat;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the exported catalogue names itself. {@code baseUrl} makes the IRIs of the catalogue and its datasets
 * ({@code <baseUrl>/datasets/<id>}): it must stay the same across deployments so that harvesters keep their links.
 *
 * @param baseUrl        public base of the catalogue's IRIs, without a trailing slash
 * @param title          catalogue title (French)
 * @param description    catalogue description (French)
 * @param publisherName  who publishes the catalogue
 * @param publisherSiren the publisher's SIREN, may be blank
 * @param homepage       the catalogue's page for people
 * @param issued         day the catalogue was first published
 */
@ConfigurationProperties("dataterritoires.catalogue")
public record CatalogueProperties(
        @DefaultValue("https://data-territoires.gouv.fr/catalogue") String baseUrl,
        @DefaultValue("Catalogue des données territoriales") String title,
        @DefaultValue("Les jeux de données utiles aux territoires, qu'ils soient ouverts, partagés dans un espace de "
                + "données ou accessibles sur demande, moissonnés depuis les portails publics français.")
        String description,
        @DefaultValue("Data Territoires") String publisherName,
        @DefaultValue("") String publisherSiren,
        @DefaultValue("https://data-territoires.gouv.fr/") String homepage,
        @DefaultValue("2026-01-01") LocalDate issued) {

    public CatalogueProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String catalogIri() {
        return baseUrl;
    }

    public String datasetIri(String id) {
        return baseUrl + "/datasets/" + id;
    }
}
