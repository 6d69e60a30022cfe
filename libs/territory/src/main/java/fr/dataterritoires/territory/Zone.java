package fr.dataterritoires.territory;

/** Where a territory lies, as the COG tells. */
public enum Zone {
    /** Metropolitan France, Corsica included. */
    METROPOLE,
    /** Départements et régions d'outre-mer: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte. */
    DROM,
    /**
     * Collectivités d'outre-mer and other overseas territories with a special status (Saint-Pierre-et-Miquelon,
     * Saint-Barthélemy, Saint-Martin, TAAF, Wallis-et-Futuna, Polynésie française, Nouvelle-Calédonie, Clipperton):
     * outside any région and any EPCI.
     */
    COM;

    static Zone fromData(String zone) {
        return switch (zone) {
            case "metro" -> METROPOLE;
            case "drom" -> DROM;
            case "com" -> COM;
            default -> throw new IllegalStateException("Unknown zone in geography data: " + zone);
        };
    }
}
