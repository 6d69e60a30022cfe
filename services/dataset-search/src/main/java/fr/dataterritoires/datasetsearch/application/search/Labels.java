package fr.dataterritoires.datasetsearch.application.search;

import fr.dataterritoires.datasetsearch.domain.Granularity;

/** French labels of codes the domain leaves unlabelled. */
public final class Labels {

    private Labels() {
    }

    public static String granularity(Granularity granularity) {
        return switch (granularity) {
            case IRIS -> "IRIS";
            case QPV -> "quartier prioritaire";
            case COMMUNE -> "commune";
            case EPCI -> "EPCI";
            case DEPARTEMENT -> "département";
            case REGION -> "région";
            case NATIONAL -> "national";
            case OTHER -> "autre découpage fin";
            case UNKNOWN -> "non renseignée";
        };
    }
}
