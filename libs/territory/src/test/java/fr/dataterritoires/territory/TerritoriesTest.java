package fr.dataterritoires.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Real lookups on the packaged millésime (@etalab/decoupage-administratif 6.0.0, COG 2026). */
class TerritoriesTest {

    private final Territories territories = Territories.get();

    private static List<String> codes(List<? extends Territory> territories) {
        return territories.stream().map(Territory::code).toList();
    }

    @Test
    void loadsThePinnedMillesimeWithExpectedCounts() {
        assertThat(territories.dataVersion()).isEqualTo("@etalab/decoupage-administratif@6.0.0");
        assertThat(territories.regions()).hasSize(18);
        // 101 départements plus the 8 overseas collectivities the COG numbers like départements.
        assertThat(territories.departements()).hasSize(109);
        assertThat(territories.epcis()).hasSize(1255);
        assertThat(territories.communes()).hasSize(34_969).noneMatch(Commune::isMunicipalArrondissement);
        assertThat(codes(territories.regions())).isSorted();
    }

    @Test
    void parisIsInIleDeFranceAndTheMetropoleDuGrandParis() {
        Commune paris = territories.commune("75056").orElseThrow();
        assertThat(paris.name()).isEqualTo("Paris");
        assertThat(paris.departementCode()).isEqualTo("75");
        assertThat(paris.regionCode()).contains("11");
        assertThat(codes(territories.parentsOf("75056"))).containsExactly("200054781", "75", "11");
        assertThat(territories.parentsOf("75056").get(0).name()).isEqualTo("Métropole du Grand Paris");
        assertThat(territories.parentsOf("75056")).extracting(Territory::level).containsExactly(
                TerritoryLevel.EPCI, TerritoryLevel.DEPARTEMENT, TerritoryLevel.REGION);
    }

    @Test
    void corsicanCommunesUse2A2BAndBelongToCorse() {
        Commune ajaccio = territories.commune("2A004").orElseThrow();
        assertThat(ajaccio.name()).isEqualTo("Ajaccio");
        assertThat(territories.commune("2a004")).contains(ajaccio);
        assertThat(territories.parentsOf("2A004")).extracting(Territory::code).endsWith("2A", "94");
        assertThat(territories.region("94").orElseThrow().name()).isEqualTo("Corse");
        assertThat(codes(territories.childrenOf("94", TerritoryLevel.DEPARTEMENT))).containsExactly("2A", "2B");
        // The pre-1976 code 20004 is not current, but leads to Ajaccio.
        assertThat(territories.isValidAndCurrent(TerritoryLevel.COMMUNE, "20004")).isFalse();
        assertThat(territories.successorOf("20004")).contains(ajaccio);
        assertThat(territories.isValidAndCurrent(TerritoryLevel.DEPARTEMENT, "20")).isFalse();
    }

    @Test
    void aCommuneLeadsToItsEpciAndTheEpciListsIt() {
        Commune bonneville = territories.commune("74042").orElseThrow();
        assertThat(bonneville.epciCode()).contains("200000172");
        Epci epci = territories.epci("200000172").orElseThrow();
        assertThat(epci.name()).isEqualTo("CC Faucigny - Glières");
        assertThat(epci.type()).isEqualTo(EpciType.CC);
        assertThat(epci.memberCodes()).contains("74042");
        assertThat(codes(territories.childrenOf("200000172", TerritoryLevel.COMMUNE))).isEqualTo(epci.memberCodes());
        assertThat(territories.commune("42218").orElseThrow().epciCode()).contains("244200770");
    }

    @Test
    void everyCommuneOfAnEpciPointsBackToIt() {
        for (Epci epci : territories.epcis()) {
            for (String member : epci.memberCodes()) {
                assertThat(territories.commune(member).orElseThrow().epciCode()).contains(epci.code());
            }
        }
    }

    @Test
    void regionChildrenIncludeItsDepartements() {
        assertThat(codes(territories.childrenOf("84", TerritoryLevel.DEPARTEMENT))).containsExactly(
                "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74");
        assertThat(codes(territories.childrenOf(TerritoryLevel.REGION, "84", TerritoryLevel.COMMUNE)))
                .hasSize(4025).contains("01001", "42218", "69123").isSorted();
        assertThat(codes(territories.childrenOf(TerritoryLevel.NATIONAL, "FR", TerritoryLevel.REGION)))
                .hasSize(18).contains("01", "06", "84", "94");
        // Asking for a level that is not below gives nothing.
        assertThat(territories.childrenOf(TerritoryLevel.DEPARTEMENT, "42", TerritoryLevel.REGION)).isEmpty();
    }

    @Test
    void populationsAddUpExactlyFromCommunes() {
        for (Region region : territories.regions()) {
            long communes = territories.childrenOf(TerritoryLevel.REGION, region.code(), TerritoryLevel.COMMUNE)
                    .stream().mapToLong(Territory::population).sum();
            assertThat(region.population()).as(region.name()).isPositive().isEqualTo(communes);
            assertThat(territories.population(TerritoryLevel.REGION, region.code())).hasValue(communes);
        }
        long nation = territories.regions().stream().mapToLong(Region::population).sum();
        assertThat(territories.national().population()).isEqualTo(nation);
        assertThat(territories.population("FR")).hasValue(nation);
        // Population légale 2023 of France (metropolitan + DROM) is about 68.4 million.
        assertThat(nation).isBetween(67_000_000L, 70_000_000L);
        Epci grandParis = territories.epci("200054781").orElseThrow();
        assertThat(grandParis.population()).isEqualTo(grandParis.memberCodes().stream()
                .mapToLong(c -> territories.commune(c).orElseThrow().population()).sum());
        assertThat(territories.population("42218")).hasValue(173_136);
        assertThat(territories.population("99999")).isEmpty();
    }

    @Test
    void municipalArrondissementsAreCommunesInsideTheirCity() {
        Commune first = territories.commune("75101").orElseThrow();
        assertThat(first.kind()).isEqualTo(CommuneKind.ARRONDISSEMENT_MUNICIPAL);
        assertThat(first.parentCommuneCode()).contains("75056");
        assertThat(codes(territories.parentsOf("75101"))).containsExactly("75056", "200054781", "75", "11");
        assertThat(territories.childrenOf("75056", TerritoryLevel.COMMUNE)).hasSize(20);
        assertThat(territories.childrenOf("69123", TerritoryLevel.COMMUNE)).hasSize(9);
        assertThat(territories.childrenOf("13055", TerritoryLevel.COMMUNE)).hasSize(16);
        long arrondissements = territories.childrenOf("75056", TerritoryLevel.COMMUNE).stream()
                .mapToLong(Territory::population).sum();
        assertThat(arrondissements).isEqualTo(territories.commune("75056").orElseThrow().population());
    }

    @Test
    void epciStraddlingDepartementsAndRegionsIsChildOfEach() {
        Epci aire = territories.epci("200030435").orElseThrow();
        assertThat(aire.departementCodes()).containsExactly("32", "40");
        assertThat(codes(territories.parentsOf("200030435"))).containsExactly("32", "40", "75", "76");
        // "32" alone is ambiguous (Gers or Hauts-de-France): give the level.
        assertThat(codes(territories.childrenOf(TerritoryLevel.DEPARTEMENT, "32", TerritoryLevel.EPCI)))
                .contains("200030435");
        assertThat(codes(territories.childrenOf("40", TerritoryLevel.EPCI))).contains("200030435");
        assertThat(codes(territories.childrenOf(TerritoryLevel.REGION, "75", TerritoryLevel.EPCI)))
                .contains("200030435").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void overseasTerritoriesAreHandled() {
        // DROM: a département in a région.
        assertThat(codes(territories.parentsOf("97411"))).endsWith("974", "04");
        assertThat(territories.region("06").orElseThrow().name()).isEqualTo("Mayotte");
        // Overseas collectivity with a special status: no région, no EPCI.
        Departement polynesie = territories.departement("987").orElseThrow();
        assertThat(polynesie.regionCode()).isEmpty();
        assertThat(polynesie.zone()).isEqualTo(Zone.COM);
        assertThat(territories.region("987")).isEmpty();
        Commune boraBora = territories.commune("98714").orElseThrow();
        assertThat(boraBora.epciCode()).isEmpty();
        assertThat(codes(territories.parentsOf("98714"))).containsExactly("987");
        assertThat(territories.level("987")).contains(TerritoryLevel.DEPARTEMENT);
        // Uninhabited: population 0 rather than missing.
        assertThat(territories.population("98412")).hasValue(0);
        // Island commune outside any EPCI still has its département and région.
        assertThat(codes(territories.parentsOf("29083"))).containsExactly("29", "53");
    }

    @Test
    void obsoleteAndMalformedCodesAreRefused() {
        // 01340 merged into Arboys en Bugey (01015).
        assertThat(territories.isValidAndCurrent(TerritoryLevel.COMMUNE, "01340")).isFalse();
        assertThat(territories.commune("01340")).isEmpty();
        assertThat(territories.successorOf("01340").map(Commune::code)).contains("01015");
        assertThat(territories.successorOf("01015")).isEmpty();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.COMMUNE, "99999")).isFalse();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.COMMUNE, "7505")).isFalse();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.REGION, "23")).isFalse(); // old Haute-Normandie
        assertThat(territories.isValidAndCurrent(TerritoryLevel.REGION, "975")).isFalse();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.EPCI, "200000173")).isFalse();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.EPCI, "130005481")).isFalse(); // a SIREN, not an EPCI
        assertThat(territories.isValidAndCurrent(TerritoryLevel.NATIONAL, "FR")).isTrue();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.COMMUNE, null)).isFalse();
        assertThat(territories.parentsOf("99999")).isEmpty();
        assertThat(territories.childrenOf("99", TerritoryLevel.COMMUNE)).isEmpty();
    }

    @Test
    void irisAndQpvCodesAreSyntaxCheckedAgainstCurrentCommunesAndDepartements() {
        assertThat(territories.isValidAndCurrent(TerritoryLevel.IRIS, "751010101")).isTrue();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.IRIS, "2A0040101")).isTrue();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.IRIS, "999990000")).isFalse();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.IRIS, "75101010")).isFalse();
        assertThat(codes(territories.parentsOf(TerritoryLevel.IRIS, "751010101")))
                .containsExactly("75101", "75056", "200054781", "75", "11");
        assertThat(territories.isValidAndCurrent(TerritoryLevel.QPV, "QN09301M")).isTrue();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.QPV, "QP093001")).isTrue();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.QPV, "QP02A001")).isTrue();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.QPV, "QP020001")).isFalse();
        assertThat(territories.isValidAndCurrent(TerritoryLevel.QPV, "QX093001")).isFalse();
        assertThat(codes(territories.parentsOf("QN09301M"))).containsExactly("93", "11");
    }

    @Test
    void levelIsGuessedFromTheCodeAndAmbiguityIsReported() {
        assertThat(territories.level("2A004")).contains(TerritoryLevel.COMMUNE);
        assertThat(territories.level("200054781")).contains(TerritoryLevel.EPCI);
        assertThat(territories.level("42")).contains(TerritoryLevel.DEPARTEMENT);
        assertThat(territories.level("971")).contains(TerritoryLevel.DEPARTEMENT);
        assertThat(territories.level("fr")).contains(TerritoryLevel.NATIONAL);
        assertThat(territories.level("751010101")).contains(TerritoryLevel.IRIS);
        assertThat(territories.level("99999")).isEmpty();
        assertThat(territories.level("84")).isEmpty();
        assertThat(territories.levels("84")).containsExactlyInAnyOrder(TerritoryLevel.REGION,
                TerritoryLevel.DEPARTEMENT);
        assertThat(TerritoryLevel.candidatesFor("84")).contains(TerritoryLevel.REGION, TerritoryLevel.DEPARTEMENT);
        assertThatThrownBy(() -> territories.parentsOf("84"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ambigu").hasMessageContaining("région").hasMessageContaining("département");
        assertThatThrownBy(() -> territories.childrenOf("84", TerritoryLevel.COMMUNE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(codes(territories.parentsOf(TerritoryLevel.DEPARTEMENT, "84"))).containsExactly("93");
        assertThat(territories.find(TerritoryLevel.REGION, "84").orElseThrow().name())
                .isEqualTo("Auvergne-Rhône-Alpes");
    }

    @Test
    void searchIsAccentAndCaseInsensitiveAndRanksTheBestMatchFirst() {
        assertThat(territories.search("saint-etienne", 10)).first()
                .extracting(Territory::code).isEqualTo("42218");
        assertThat(territories.search("SAINT ÉTIENNE", 5).get(0).code()).isEqualTo("42218");
        assertThat(territories.search("st etienne", 5).get(0).code()).isEqualTo("42218");
        assertThat(codes(territories.search("saint-etienne", 10))).contains("244200770");
        assertThat(territories.search("saint-et", 50)).allMatch(t -> NameNormalizer.normalize(t.name())
                .contains("saint et"));
        // Word prefix: "etienne metro" finds Saint-Étienne Métropole.
        assertThat(codes(territories.search("etienne metro", 5))).contains("244200770");
        assertThat(codes(territories.search("paris", 3, Set.of(TerritoryLevel.COMMUNE)))).first().isEqualTo("75056");
        assertThat(codes(territories.search("ile-de-fr", 3, Set.of(TerritoryLevel.REGION)))).containsExactly("11");
        assertThat(territories.search("auvergne", 3)).first().extracting(Territory::code).isEqualTo("84");
        assertThat(territories.search("zzzzqq", 10)).isEmpty();
        assertThat(territories.search("  ", 10)).isEmpty();
        assertThat(territories.search("saint", 7)).hasSize(7);
    }

    @Test
    void theSharedInstanceIsLoadedOnceAndUsableFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Territories> task = () -> {
                Territories t = Territories.get();
                assertThat(t.commune("75056")).isPresent();
                return t;
            };
            List<Future<Territories>> results = pool.invokeAll(List.of(task, task, task, task, task, task));
            for (Future<Territories> result : results) {
                assertThat(result.get()).isSameAs(territories);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void collectionsAreImmutable() {
        assertThatThrownBy(() -> territories.regions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> territories.epci("200054781").orElseThrow().memberCodes().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> territories.childrenOf("42", TerritoryLevel.COMMUNE).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
