package fr.dataterritoires.replication.domain.reach;

import fr.dataterritoires.territory.TerritoryLevel;

/**
 * Population bands used to find territories of comparable size, per level (a commune of 3,000 inhabitants is
 * compared with communes of 2,000 to 10,000, not with a metropolis).
 */
public final class SizeBand {

    private static final long[] COMMUNE = {500, 2_000, 10_000, 50_000, 200_000};
    private static final long[] EPCI = {20_000, 50_000, 100_000, 300_000};
    private static final long[] DEPARTEMENT = {300_000, 600_000, 1_000_000};
    private static final long[] REGION = {2_000_000, 5_000_000};

    private SizeBand() {
    }

    /** The band's index (0 = smallest) of a population at a level. */
    public static int of(TerritoryLevel level, long population) {
        long[] bounds = switch (level) {
            case COMMUNE -> COMMUNE;
            case EPCI -> EPCI;
            case DEPARTEMENT -> DEPARTEMENT;
            case REGION -> REGION;
            default -> new long[0];
        };
        int band = 0;
        while (band < bounds.length && population >= bounds[band]) {
            band++;
        }
        return band;
    }

    /** "de 2 000 à 10 000 habitants", for a level and band. */
    public static String label(TerritoryLevel level, int band) {
        long[] bounds = switch (level) {
            case COMMUNE -> COMMUNE;
            case EPCI -> EPCI;
            case DEPARTEMENT -> DEPARTEMENT;
            case REGION -> REGION;
            default -> new long[0];
        };
        if (bounds.length == 0) {
            return "toute taille";
        }
        if (band == 0) {
            return "moins de " + fmt(bounds[0]) + " habitants";
        }
        if (band >= bounds.length) {
            return fmt(bounds[bounds.length - 1]) + " habitants et plus";
        }
        return "de " + fmt(bounds[band - 1]) + " à " + fmt(bounds[band]) + " habitants";
    }

    private static String fmt(long n) {
        return String.format(java.util.Locale.FRANCE, "%,d", n).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
