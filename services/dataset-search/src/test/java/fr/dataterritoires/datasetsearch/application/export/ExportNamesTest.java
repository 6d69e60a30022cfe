package fr.dataterritoires.datasetsearch.application.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.domain.DatasetId;

/** CKAN names and licences: stable, resolvable, recognised under the spellings portals use. */
class ExportNamesTest {

    private static final DatasetId ID = new DatasetId(UUID.fromString("0b1e4c6a-2f3d-4a5b-8c9d-0e1f2a3b4c5d"));

    @Test
    void aDatasetNameIsTheTitleSlugAndTheIdAndResolvesBackToTheId() {
        String name = Slugs.datasetName("Parcs de stationnement de la Ville de Gap (2025) — œuvres", ID);
        assertThat(name).isEqualTo("parcs-de-stationnement-de-la-ville-de-gap-2025-oeuvres-0b1e4c6a2f3d4a5b8c9d0e1f2a3b4c5d");
        assertThat(Slugs.idOfName(name)).isEqualTo(ID);
        assertThat(Slugs.idOfName("0b1e4c6a2f3d4a5b8c9d0e1f2a3b4c5d")).isEqualTo(ID);
    }

    @Test
    void aLongTitleIsCutSoThatTheNameFitsCkansHundredCharacters() {
        String name = Slugs.datasetName("Très long titre ".repeat(20), ID);
        assertThat(name).hasSizeLessThanOrEqualTo(Slugs.MAX_NAME_LENGTH).matches("[a-z0-9-]+")
                .doesNotContain("--").endsWith("-0b1e4c6a2f3d4a5b8c9d0e1f2a3b4c5d");
        assertThat(Slugs.idOfName(name)).isEqualTo(ID);
        assertThat(Slugs.datasetName("« »", ID)).isEqualTo("0b1e4c6a2f3d4a5b8c9d0e1f2a3b4c5d");
    }

    @Test
    void namesThatDoNotEndWithAnIdResolveToNothing() {
        assertThat(Slugs.idOfName("parkings-ville-de-gap")).isNull();
        assertThat(Slugs.idOfName("x0b1e4c6a2f3d4a5b8c9d0e1f2a3b4c5d")).isNull();
        assertThat(Slugs.idOfName("titre-0B1E4C6A2F3D4A5B8C9D0E1F2A3B4C5D")).isNull();
        assertThat(Slugs.idOfName(null)).isNull();
    }

    @Test
    void licencesAreRecognisedUnderTheirUsualSpellings() {
        assertThat(Licences.recognise("lov2")).contains(Licences.LICENCE_OUVERTE_2);
        assertThat(Licences.recognise("Licence Ouverte 2.0")).contains(Licences.LICENCE_OUVERTE_2);
        assertThat(Licences.recognise("etalab-2.0")).contains(Licences.LICENCE_OUVERTE_2);
        assertThat(Licences.recognise("https://www.etalab.gouv.fr/licence-ouverte-open-licence"))
                .contains(Licences.LICENCE_OUVERTE_2);
        assertThat(Licences.recognise("Licence Ouverte")).contains(Licences.LICENCE_OUVERTE_1);
        assertThat(Licences.recognise("ODbL")).contains(Licences.ODBL);
        assertThat(Licences.recognise("http://opendatacommons.org/licenses/odbl/1.0/")).contains(Licences.ODBL);
        assertThat(Licences.recognise("https://creativecommons.org/licenses/by-sa/4.0/")).contains(Licences.CC_BY_SA);
        assertThat(Licences.recognise("CC0")).contains(Licences.CC_ZERO);
        assertThat(Licences.recognise("Licence maison")).isEmpty();
        assertThat(Licences.recognise(" ")).isEmpty();
    }
}
