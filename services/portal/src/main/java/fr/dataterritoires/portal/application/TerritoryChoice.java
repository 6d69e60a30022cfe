package fr.dataterritoires.portal.application;

/**
 * A territory the search can be narrowed to.
 *
 * @param key the value of the search's {@code territory} parameter (e.g. {@code commune:69123})
 */
public record TerritoryChoice(String key, String level, String code, String name) {

    /** The level in French, for the list of choices. */
    public String levelLabel() {
        if (level == null) {
            return "";
        }
        return switch (level.toLowerCase(java.util.Locale.ROOT)) {
            case "commune" -> "Commune";
            case "epci" -> "EPCI";
            case "departement" -> "Département";
            case "region" -> "Région";
            default -> level;
        };
    }

    public String display() {
        return (name == null ? code : name) + " (" + levelLabel() + " " + code + ")";
    }
}
