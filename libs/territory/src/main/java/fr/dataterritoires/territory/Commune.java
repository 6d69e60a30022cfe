package fr.dataterritoires.territory;

import java.util.Optional;

/**
 * A current commune, or a municipal arrondissement of Paris, Lyon or Marseille ({@link CommuneKind}).
 *
 * @param departementCode its département (or overseas collectivity)
 * @param regionCode its région, empty in the overseas collectivities with a special status
 * @param epciCode SIREN of its EPCI; empty for the few communes in none (island communes such as Île-de-Sein,
 *     overseas collectivities). A municipal arrondissement has its commune's EPCI
 * @param parentCommuneCode for a municipal arrondissement, its commune (75056, 69123 or 13055)
 * @param siren the commune's own SIREN when the data has one (not for arrondissements nor some overseas units)
 * @param population population municipale; 0 for uninhabited territories (TAAF, Clipperton)
 */
public record Commune(String code, String name, CommuneKind kind, Zone zone, String departementCode,
        Optional<String> regionCode, Optional<String> epciCode, Optional<String> parentCommuneCode,
        Optional<String> siren, long population) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.COMMUNE;
    }

    public boolean isMunicipalArrondissement() {
        return kind == CommuneKind.ARRONDISSEMENT_MUNICIPAL;
    }
}
