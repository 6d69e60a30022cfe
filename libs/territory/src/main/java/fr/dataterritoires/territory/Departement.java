package fr.dataterritoires.territory;

import java.util.Optional;

/**
 * A département (2A and 2B for Corsica, 971-976 overseas) or an overseas collectivity with a special status
 * (975, 977, 978, 984, 986-989), which the COG numbers like a département but which belongs to no région.
 *
 * @param regionCode the région, empty for a {@link Zone#COM} collectivity
 * @param chefLieu code of the commune holding the prefecture
 */
public record Departement(String code, String name, Optional<String> regionCode, Zone zone, String chefLieu,
        long population) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.DEPARTEMENT;
    }
}
