package fr.dataterritoires.territory;

/**
 * A région (the 13 metropolitan ones and the 5 of overseas).
 *
 * @param chefLieu code of the commune holding the prefecture of région
 */
public record Region(String code, String name, Zone zone, String chefLieu, long population) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.REGION;
    }
}
