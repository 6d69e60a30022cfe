package fr.dataterritoires.territory;

import java.util.List;

/**
 * An EPCI à fiscalité propre (intercommunality with its own taxation), as listed by the DGCL.
 *
 * @param code the EPCI's SIREN
 * @param memberCodes INSEE codes of its member communes, sorted
 * @param departementCodes départements its members lie in, sorted; more than one for some EPCI
 * @param population sum of its members' population municipale, from the same millésime as the communes
 */
public record Epci(String code, String name, EpciType type, List<String> memberCodes, List<String> departementCodes,
        long population) implements Territory {

    public Epci {
        memberCodes = List.copyOf(memberCodes);
        departementCodes = List.copyOf(departementCodes);
    }

    public Siren siren() {
        return new Siren(code);
    }

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.EPCI;
    }
}
