package fr.dataterritoires.replication.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;

/** Territory references: bare codes when unambiguous, level:code otherwise; stored keys survive a new geography. */
class TerritoryRefTest {

    @Test
    void bareCodesLevelsAndAmbiguity() {
        assertThat(TerritoryRef.parse("69123", "t").level()).isEqualTo(TerritoryLevel.COMMUNE);
        assertThat(TerritoryRef.parse("200046977", "t").level()).isEqualTo(TerritoryLevel.EPCI);
        assertThat(TerritoryRef.parse("2A", "t").level()).isEqualTo(TerritoryLevel.DEPARTEMENT);
        assertThat(TerritoryRef.parse("region:84", "t").key()).isEqualTo("region:84");
        assertThat(TerritoryRef.parse("FR", "t").level()).isEqualTo(TerritoryLevel.NATIONAL);
        assertThatThrownBy(() -> TerritoryRef.parse("84", "territories[0]"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("territories[0]");
                    assertThat(e.getMessage()).contains("region:84").contains("departement:84");
                });
        assertThatThrownBy(() -> TerritoryRef.parse("planete:1", "t")).isInstanceOf(RuleViolation.class);
        // the contract's bare codes: an ambiguous one is the région
        assertThat(TerritoryRef.fromContractCode("84", "t").level()).isEqualTo(TerritoryLevel.REGION);
        assertThat(TerritoryRef.fromContractCode("38", "t").level()).isEqualTo(TerritoryLevel.DEPARTEMENT);
    }

    @Test
    void aStoredKeyRetiredByTheGeographyIsReadAsItsSuccessorOrLeftOut() {
        // 01018 (Bellegarde-sur-Valserine) merged into Valserhône: no longer a current code
        assertThat(Territories.get().commune("01018")).isEmpty();
        String successor = Territories.get().successorOf("01018").orElseThrow().code();
        assertThatThrownBy(() -> TerritoryRef.ofKey("commune:01018")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TerritoryRef.stored("commune:01018")).contains(TerritoryRef.parse("commune:" + successor, "t"));
        assertThat(TerritoryRef.stored("commune:69123")).contains(TerritoryRef.parse("69123", "t"));
        assertThat(TerritoryRef.stored("epci:200000000")).isEmpty();
        assertThat(TerritoryRef.stored("commune:00000")).isEmpty();
    }
}
