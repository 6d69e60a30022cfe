package fr.dataterritoires.datasetsearch.web.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.domain.TerritoryRef;

/** French theme labels, formats and territories to the IRIs of the controlled vocabularies DCAT-AP asks for. */
class ControlledVocabulariesTest {

    private static final String THEME = "http://publications.europa.eu/resource/authority/data-theme/";

    @Test
    void frenchThemeLabelsMapToEuDataThemes() {
        assertThat(theme("Mobilité et transports")).isEqualTo(THEME + "TRAN");
        assertThat(theme("Transports et mobilité")).isEqualTo(THEME + "TRAN");
        assertThat(theme("Environnement")).isEqualTo(THEME + "ENVI");
        assertThat(theme("Eaux et milieux aquatiques")).isEqualTo(THEME + "ENVI");
        assertThat(theme("Santé et social")).isEqualTo(THEME + "HEAL");
        assertThat(theme("Économie et emploi")).isEqualTo(THEME + "ECON");
        assertThat(theme("Urbanisme")).isEqualTo(THEME + "REGI");
        assertThat(theme("Logement")).isEqualTo(THEME + "SOCI");
        assertThat(theme("Culture")).isEqualTo(THEME + "EDUC");
        assertThat(theme("Énergie")).isEqualTo(THEME + "ENER");
        assertThat(theme(THEME + "AGRI")).isEqualTo(THEME + "AGRI");
        // Short stems match whole words only: "aire de stationnement" is no air quality, "réseau" no water.
        assertThat(theme("Aire de jeux")).isNull();
        assertThat(theme("Réseaux")).isNull();
        assertThat(theme(THEME + "NOPE")).isNull();
        assertThat(theme("http://inspire.ec.europa.eu/theme/nz")).isNull();
    }

    @Test
    void formatsMapToEuFileTypesAndMediaTypes() {
        assertThat(ControlledVocabularies.fileType("CSV")).contains(ControlledVocabularies.FILE_TYPE + "CSV");
        assertThat(ControlledVocabularies.fileType("OGC:WMS")).contains(ControlledVocabularies.FILE_TYPE + "WMS_SRVC");
        assertThat(ControlledVocabularies.fileType("SHAPEFILE (ZIP)")).contains(ControlledVocabularies.FILE_TYPE + "SHP");
        assertThat(ControlledVocabularies.fileType("MBTILES")).isEmpty();
        assertThat(ControlledVocabularies.mediaType("text/csv; charset=utf-8", "CSV"))
                .contains("https://www.iana.org/assignments/media-types/text/csv");
        assertThat(ControlledVocabularies.mediaType(null, "GEOJSON"))
                .contains("https://www.iana.org/assignments/media-types/application/geo+json");
        assertThat(ControlledVocabularies.mediaType("n'importe quoi", null)).isEmpty();
    }

    @Test
    void territoriesGetInseeIris() {
        assertThat(ControlledVocabularies.territory(TerritoryRef.parse("commune:2A004")))
                .isEqualTo("http://id.insee.fr/geo/commune/2A004");
        assertThat(ControlledVocabularies.territory(TerritoryRef.parse("departement:971")))
                .isEqualTo("http://id.insee.fr/geo/departement/971");
        assertThat(ControlledVocabularies.territory(TerritoryRef.NATIONAL))
                .isEqualTo("http://publications.europa.eu/resource/authority/country/FRA");
    }

    @Test
    void onlyUsableAddressesBecomeIris() {
        assertThat(Iris.web("https://exemple.fr/a b.csv")).contains("https://exemple.fr/a%20b.csv");
        assertThat(Iris.web("www.exemple.fr")).isEmpty();
        assertThat(Iris.web("javascript:alert(1)")).isEmpty();
        assertThat(Iris.mail("mailto:contact@ville.fr")).contains("mailto:contact@ville.fr");
        assertThat(Iris.mail("pas une adresse")).isEmpty();
    }

    private static String theme(String label) {
        return ControlledVocabularies.dataTheme(label).map(ControlledVocabularies.Concept::iri).orElse(null);
    }
}
