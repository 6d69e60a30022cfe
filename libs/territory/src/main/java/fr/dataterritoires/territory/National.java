package fr.dataterritoires.territory;

/**
 * France as the régions cover it: metropolitan France and the five DROM. Overseas collectivities with a special
 * status ({@link Zone#COM}) are outside any région and so outside this total, as in INSEE's "France" figures.
 */
public record National(String code, String name, long population) implements Territory {

    public static final String CODE = "FR";

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.NATIONAL;
    }
}
