package fr.dataterritoires.replication.domain.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Reach without double counting, on territories that overlap across levels: Lyon (commune) and its 1st arrondissement
 * inside the Métropole de Lyon (EPCI); Grenoble (commune) and Grenoble-Alpes-Métropole (EPCI) inside Isère
 * (département); Ambérieu-en-Bugey (commune) in the Ain, apart. Expected figures come from the geography itself:
 * the union is exactly the Métropole de Lyon, Isère and Ambérieu, which are disjoint.
 */
class ReachTest {

    static final Territories GEO = Territories.get();

    static TerritoryRef ref(String key) {
        return TerritoryRef.parse(key, "t");
    }

    @Test
    void overlappingTerritoriesAreCountedOnce() {
        List<TerritoryRef> reached = List.of(ref("commune:69123"), ref("commune:69381"), ref("epci:200046977"),
                ref("departement:38"), ref("commune:38185"), ref("epci:200040715"), ref("commune:01004"));
        Reach.Figures figures = Reach.of(reached);

        long metropole = GEO.epci("200046977").orElseThrow().population();
        long isere = GEO.departement("38").orElseThrow().population();
        long amberieu = GEO.commune("01004").orElseThrow().population();
        assertThat(figures.population()).isEqualTo(metropole + isere + amberieu);
        long naive = reached.stream().mapToLong(TerritoryRef::population).sum();
        assertThat(figures.population()).isLessThan(naive);
        int communes = GEO.epci("200046977").orElseThrow().memberCodes().size()
                + GEO.childrenOf(TerritoryLevel.DEPARTEMENT, "38", TerritoryLevel.COMMUNE).size() + 1;
        assertThat(figures.communes()).isEqualTo(communes);
        assertThat(figures.distinctTerritories()).isEqualTo(3);
        Map<String, String> coveredBy = figures.territories().stream().filter(t -> t.coveredBy() != null)
                .collect(Collectors.toMap(t -> t.territory().key(), Reach.Reached::coveredBy));
        assertThat(coveredBy).containsEntry("commune:69123", "epci:200046977")
                .containsEntry("commune:38185", "departement:38")
                .containsEntry("epci:200040715", "departement:38")
                .containsKey("commune:69381")
                .doesNotContainKeys("epci:200046977", "departement:38", "commune:01004");
    }

    @Test
    void anArrondissementAloneCountsItsOwnPopulationAndARegionCoversItsDepartements() {
        Reach.Figures arrondissement = Reach.of(List.of(ref("commune:69381")));
        assertThat(arrondissement.population()).isEqualTo(GEO.commune("69381").orElseThrow().population());

        Reach.Figures region = Reach.of(List.of(ref("region:84"), ref("departement:69"), ref("commune:01004")));
        assertThat(region.population()).isEqualTo(GEO.region("84").orElseThrow().population());
        assertThat(region.distinctTerritories()).isEqualTo(1);
        long sumOfDepartements = GEO.childrenOf(TerritoryLevel.REGION, "84", TerritoryLevel.DEPARTEMENT).stream()
                .mapToLong(Territory::population).sum();
        assertThat(region.population()).isEqualTo(sumOfDepartements);
    }

    @Test
    void nothingReachedIsZero() {
        Reach.Figures none = Reach.of(List.of());
        assertThat(none.population()).isZero();
        assertThat(none.distinctTerritories()).isZero();
    }
}
