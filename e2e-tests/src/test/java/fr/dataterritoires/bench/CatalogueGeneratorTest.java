package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.territory.Commune;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;

/** The bench's catalogue must be the same on every machine and look like territorial open data. */
class CatalogueGeneratorTest {

    private final CatalogueGenerator generator = new CatalogueGenerator(42, 1_000_000);

    @Test
    void aDatasetDependsOnlyOnTheSeedAndItsIndex() {
        CatalogueGenerator again = new CatalogueGenerator(42, 10);
        CatalogueGenerator other = new CatalogueGenerator(43, 10);
        for (long i : new long[] {0, 1, 7, 999_999}) {
            assertThat(render(again.dataset(i))).isEqualTo(render(generator.dataset(i)));
        }
        assertThat(render(other.dataset(7))).isNotEqualTo(render(generator.dataset(7)));
        assertThat(generator.dataset(3).id()).isNotEqualTo(generator.dataset(4).id());
    }

    @Test
    void territoriesAreRealAndProducersConsistentWithThem() {
        Territories territories = Territories.get();
        for (long i = 0; i < 3_000; i++) {
            GeneratedDataset d = generator.dataset(i);
            switch (d.territoryLevel()) {
                case "commune" -> {
                    Commune commune = territories.commune(d.territoryCode()).orElseThrow();
                    assertThat(d.territoryName()).isEqualTo(commune.name());
                    if (d.producer().type().equals("commune")) {
                        assertThat(d.producer().name()).endsWith(commune.name().replaceFirst("^(Le|Les) ", ""));
                        assertThat(d.producer().siren()).isEqualTo(commune.siren().orElse(null));
                    }
                }
                case "epci" -> {
                    assertThat(territories.epci(d.territoryCode())).isPresent();
                    if (d.producer().type().equals("epci")) {
                        assertThat(d.producer().siren()).isEqualTo(d.territoryCode());
                    }
                }
                case "departement" -> assertThat(territories.departement(d.territoryCode())).isPresent();
                case "region" -> assertThat(territories.region(d.territoryCode())).isPresent();
                default -> {
                    assertThat(d.territoryLevel()).isEqualTo("country");
                    assertThat(d.producer().type()).isNotIn("commune", "epci", "departement", "region");
                }
            }
            assertThat(d.title()).isNotBlank();
            assertThat(d.description()).contains(d.territoryName());
            assertThat(d.modified()).isAfterOrEqualTo(d.created());
        }
    }

    @Test
    void mostDatasetsAreOpenSomeAreSharedOrRestricted() {
        Map<GeneratedDataset.Access, Integer> counts = new EnumMap<>(GeneratedDataset.Access.class);
        Set<String> levels = new HashSet<>();
        Set<String> themes = new HashSet<>();
        long withSchema = 0;
        long bigAudience = 0;
        for (long i = 0; i < 5_000; i++) {
            GeneratedDataset d = generator.dataset(i);
            counts.merge(d.access(), 1, Integer::sum);
            levels.add(d.territoryLevel());
            themes.add(d.subject().theme());
            if (d.resources().stream().anyMatch(r -> r.schema() != null)) {
                withSchema++;
            }
            if (d.views() > 1_000) {
                bigAudience++;
            }
        }
        assertThat(counts.get(GeneratedDataset.Access.OPEN)).isGreaterThan(4_000);
        assertThat(counts.get(GeneratedDataset.Access.SHARED)).isGreaterThan(50);
        assertThat(counts.get(GeneratedDataset.Access.RESTRICTED)).isGreaterThan(50);
        assertThat(levels).containsExactlyInAnyOrder("commune", "epci", "departement", "region", "country");
        assertThat(themes).hasSizeGreaterThan(12);
        assertThat(withSchema).isBetween(300L, 3_000L);
        // A long tail: few datasets are widely used.
        assertThat(bigAudience).isBetween(1L, 500L);
    }

    @Test
    void populousCommunesPublishMoreThanSmallOnes() {
        int paris = 0;
        int small = 0;
        for (long i = 0; i < 20_000; i++) {
            GeneratedDataset d = generator.dataset(i);
            if (d.territoryLevel().equals("commune")) {
                if (d.territoryCode().equals("75056")) {
                    paris++;
                }
                long population = Territories.get().population(TerritoryLevel.COMMUNE, d.territoryCode()).orElse(0);
                if (population < 500) {
                    small++;
                }
            }
        }
        assertThat(paris).isGreaterThan(50);
        assertThat(small).isLessThan(paris * 20);
    }

    @Test
    void frenchArticlesAreRight() {
        assertThat(CatalogueGenerator.de("Lyon")).isEqualTo("de Lyon");
        assertThat(CatalogueGenerator.de("Angers")).isEqualTo("d'Angers");
        assertThat(CatalogueGenerator.de("Le Mans")).isEqualTo("du Mans");
        assertThat(CatalogueGenerator.de("Les Abymes")).isEqualTo("des Abymes");
        assertThat(CatalogueGenerator.de("Évry-Courcouronnes")).isEqualTo("d'Évry-Courcouronnes");
    }

    private static String render(GeneratedDataset d) {
        StringBuilder out = new StringBuilder();
        new UdataJson("https://www.data.gouv.fr").write(d, new JsonWriter(out));
        return out.toString();
    }
}
