package fr.dataterritoires.replication.domain.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.dataterritoires.replication.domain.TerritoryRef;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Suggestions for Saint-Martin-d'Hères (38421, about 38,000 inhabitants, in Grenoble-Alpes-Métropole): what its
 * neighbours of the same EPCI and communes of the same size band adopted, minus what it (or a territory containing
 * it) already has.
 */
class MatchingTest {

    static TerritoryRef ref(String key) {
        return TerritoryRef.parse(key, "t");
    }

    final UUID fromNeighbour = UUID.randomUUID();
    final UUID fromSimilar = UUID.randomUUID();
    final UUID fromBoth = UUID.randomUUID();
    final UUID alreadyByItsEpci = UUID.randomUUID();
    final UUID unrelated = UUID.randomUUID();

    @Test
    void neighboursAndSimilarTerritoriesSuggestWhatTheTargetHasNot() {
        TerritoryRef target = ref("commune:38421");
        TerritoryRef grenoble = ref("commune:38185");
        // a commune of the same band (10,000-50,000) far away: Ambérieu-en-Bugey (about 16,000)
        TerritoryRef amberieu = ref("commune:01004");
        assertThat(SizeBand.of(TerritoryLevel.COMMUNE, amberieu.population()))
                .isEqualTo(SizeBand.of(TerritoryLevel.COMMUNE, target.population()));
        // Lyon: neither a neighbour nor of the same size
        TerritoryRef lyon = ref("commune:69123");
        // a commune of the same EPCI as the target
        String sameEpci = Territories.get().epci("200040715").orElseThrow().memberCodes().stream()
                .filter(c -> !c.equals("38421") && !c.equals("38185")).findFirst().orElseThrow();
        List<Matching.Adoption> adoptions = List.of(
                new Matching.Adoption(fromNeighbour, "Cantines bio", grenoble),
                new Matching.Adoption(fromSimilar, "Budget participatif", amberieu),
                new Matching.Adoption(fromBoth, "Éclairage intelligent", amberieu),
                new Matching.Adoption(fromBoth, "Éclairage intelligent", ref("commune:" + sameEpci)),
                new Matching.Adoption(alreadyByItsEpci, "Covoiturage", ref("epci:200040715")),
                new Matching.Adoption(alreadyByItsEpci, "Covoiturage", grenoble),
                new Matching.Adoption(unrelated, "Métro", lyon));

        List<Matching.Suggestion> suggestions = Matching.suggest(target, adoptions);

        assertThat(suggestions).extracting(Matching.Suggestion::initiativeId)
                .containsExactly(fromBoth, fromNeighbour, fromSimilar);
        Matching.Suggestion both = suggestions.getFirst();
        assertThat(both.neighbours()).extracting(TerritoryRef::code).containsExactly(sameEpci);
        assertThat(both.similar()).extracting(TerritoryRef::code).contains("01004");
    }

    @Test
    void anInitiativeTheTargetLeadsIsNotSuggested() {
        TerritoryRef target = ref("commune:38421");
        UUID own = UUID.randomUUID();
        List<Matching.Suggestion> suggestions = Matching.suggest(target, List.of(
                new Matching.Adoption(own, "Les nôtres", target),
                new Matching.Adoption(own, "Les nôtres", ref("commune:38185"))));
        assertThat(suggestions).isEmpty();
    }
}
