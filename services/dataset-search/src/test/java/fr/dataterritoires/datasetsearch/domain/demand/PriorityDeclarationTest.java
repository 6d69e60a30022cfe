package fr.dataterritoires.datasetsearch.domain.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

class PriorityDeclarationTest {

    @Test
    void aTerritorialPriorityNamesItsTerritories() {
        assertThatThrownBy(() -> new PriorityDeclaration("r1", "i1", "84", PriorityScope.TERRITORIAL, Set.of(),
                "https://exemple.fr/jeu", "Jeu", null, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("scope.territories");
    }

    @Test
    void aNationalPriorityKeepsNoTerritoryAndAMissingReferenceMeansToBeProduced() {
        PriorityDeclaration d = new PriorityDeclaration("r1", "i1", "MTECT", PriorityScope.NATIONAL,
                Set.of(TerritoryRef.parse("region:84")), " ", "Base des bornes de recharge", null, null);
        assertThat(d.territories()).isEmpty();
        assertThat(d.isToBeProduced()).isTrue();
    }

    @Test
    void theScopeOfACommuneHoldsItsEpciDepartementAndRegion() {
        // Lyon 69123: métropole de Lyon (EPCI 200046977), Rhône (69), Auvergne-Rhône-Alpes (84)
        Set<String> scope = DemandTerritories.withEnclosing(Set.of(TerritoryRef.parse("commune:69123")));
        assertThat(scope).contains("commune:69123", "epci:200046977", "departement:69", "region:84");
        assertThat(DemandTerritories.withEnclosing(Set.of(TerritoryRef.NATIONAL))).isEmpty();
        assertThat(DemandTerritories.enclosing(TerritoryRef.parse("departement:69"))).containsExactly("region:84");
    }
}
