package fr.dataterritoires.datasetsearch.application.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Granularity;

import fr.dataterritoires.platform.errors.InvalidFieldException;
import fr.dataterritoires.platform.errors.ProblemTypes;

/** Checks of search parameters and the territory expansion on the official geography (COG). */
class SearchQueryParserTest {

    static final SearchQueryParser PARSER = new SearchQueryParser(SearchProperties.defaults(),
            new TerritoryExpansion(), new UseProfiles());

    private static InvalidFieldException refused(Params params) {
        try {
            PARSER.parse(params.build());
        } catch (InvalidFieldException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void pagesStayWithinTheWindowAndSizesWithinTheCap() {
        assertThat(PARSER.parse(Params.none().page(100).size(100).build()).from()).isEqualTo(9_900);
        assertThat(refused(Params.none().page(101).size(100)).field()).isEqualTo("page");
        assertThat(refused(Params.none().size(101)).field()).isEqualTo("size");
        assertThat(refused(Params.none().size(0)).field()).isEqualTo("size");
        assertThat(PARSER.parse(Params.none().build()).size()).isEqualTo(20);
    }

    @Test
    void aCursorBelongsToItsSortAndReplacesThePage() {
        String cursor = new SearchCursor(SortOrder.RECENCY, List.of(1_700_000_000_000L, "id")).encode();
        SearchQuery q = PARSER.parse(Params.none().sort("recency").cursor(cursor).build());
        assertThat(q.cursor().after()).containsExactly(1_700_000_000_000L, "id");
        assertThat(q.from()).isZero();

        assertThat(refused(Params.none().sort("relevance").cursor(cursor)).field()).isEqualTo("cursor");
        assertThat(refused(Params.none().sort("recency").cursor(cursor).page(3)).field()).isEqualTo("page");
        assertThat(refused(Params.none().cursor("e30")).field()).isEqualTo("cursor");
        assertThat(refused(Params.none().cursor("%%%")).field()).isEqualTo("cursor");
    }

    @Test
    void enumeratedValuesAreCheckedAndListed() {
        InvalidFieldException e = refused(Params.none().accessLevel("open").accessLevel("PUBLIC"));
        assertThat(e.field()).isEqualTo("accessLevel");
        assertThat(e.problemType()).isEqualTo(ProblemTypes.VALEUR_INCONNUE);
        assertThat(e.acceptedValues()).containsExactly("OPEN", "SHARED", "RESTRICTED");
        assertThat(PARSER.parse(Params.none().accessLevel("open").producerType("state-service").build())
                .accessLevels()).containsExactly(AccessLevel.OPEN);
        assertThat(refused(Params.none().use("plu")).acceptedValues()).contains("pcaet", "ppri");
    }

    @Test
    void textIsBoundedAndFormatsNormalised() {
        assertThat(PARSER.parse(Params.q("  eau\t potable ").build()).text()).isEqualTo("eau potable");
        assertThat(PARSER.parse(Params.q("   ").build()).text()).isNull();
        assertThat(refused(Params.q("x".repeat(501))).field()).isEqualTo("q");
        assertThat(PARSER.parse(Params.none().format("text/csv").format(".geojson").build()).formats())
                .containsExactlyInAnyOrder("CSV", "GEOJSON");
    }

    @Test
    void aCommuneExpandsToItsParentsAndFineNationalDataButNoSibling() {
        TerritoryScope grenoble = new TerritoryExpansion().expand("38185");

        assertThat(grenoble.target().key()).isEqualTo("commune:38185");
        assertThat(grenoble.coverageKeys()).containsExactlyInAnyOrder("commune:38185", "epci:200040715",
                "departement:38", "region:84");
        assertThat(grenoble.coveragePrefixes()).containsExactly("iris:38185");
        assertThat(grenoble.nationalGranularities()).allMatch(Granularity::isCommuneOrFiner)
                .contains(Granularity.COMMUNE, Granularity.IRIS);
    }

    @Test
    void aDepartementExpandsToItsChildrenToo() {
        TerritoryScope isere = new TerritoryExpansion().expand("departement:38");

        assertThat(isere.coverageKeys()).contains("departement:38", "region:84", "commune:38185", "commune:38151",
                "epci:200040715").doesNotContain("commune:69123", "departement:69");
        assertThat(isere.nationalGranularities()).contains(Granularity.DEPARTEMENT, Granularity.COMMUNE)
                .doesNotContain(Granularity.REGION, Granularity.NATIONAL);
    }

    @Test
    void ambiguousUnknownAndMalformedTerritoriesAreRefused() {
        TerritoryExpansion expansion = new TerritoryExpansion();
        assertThatThrownBy(() -> expansion.expand("84")).hasMessageContaining("ambigu")
                .hasMessageContaining("region:84");
        assertThatThrownBy(() -> expansion.expand("99999")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> expansion.expand("commune:3818")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> expansion.expand("epci:200040716")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> expansion.expand("quartier:1")).isInstanceOfSatisfying(
                InvalidFieldException.class, e -> assertThat(e.problemType())
                        .isEqualTo(ProblemTypes.VALEUR_INCONNUE));
        assertThat(expansion.expand("region:84").coverageKeys()).contains("commune:69123", "commune:38185");
        assertThat(expansion.expand("2A").target().key()).isEqualTo("departement:2A");
    }
}
