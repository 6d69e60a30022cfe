package fr.dataterritoires.commonscalls.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.territory.Territories;
import fr.dataterritoires.territory.Territory;

/** Territory codes as the contracts write them (INSEE codes, EPCI SIREN, "FR"), and whether one lies inside a scope. */
public final class TerritoryScope {

    private static final Pattern CODE = Pattern.compile("^([0-9]{2}|2A|2B|97[1-6])[0-9AB]{0,7}$|^FR$|^[0-9]{9}$");

    private TerritoryScope() {
    }

    /** Checks the codes' form; returns them without duplicates, in order. */
    public static List<String> codes(String field, Collection<String> raw) {
        List<String> codes = new ArrayList<>();
        if (raw == null) {
            return codes;
        }
        int i = 0;
        for (String code : raw) {
            if (code == null || !CODE.matcher(code).matches()) {
                throw RuleViolation.invalid(field + "[" + i + "]", "code INSEE attendu (commune, département, "
                        + "région), SIREN d'EPCI ou FR pour le niveau national : « " + code + " »");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
            i++;
        }
        return codes;
    }

    /** Whether {@code code} is one of {@code scope} or inside one of them; an empty scope (or FR) is national. */
    public static boolean within(String code, Collection<String> scope) {
        if (scope.isEmpty() || scope.contains("FR") || scope.contains(code)) {
            return true;
        }
        try {
            for (Territory parent : Territories.get().parentsOf(code)) {
                if (scope.contains(parent.code())) {
                    return true;
                }
            }
        } catch (IllegalArgumentException ambiguous) {
            // a 2-digit code naming both a région and a département: equal codes only (checked above)
        }
        return false;
    }
}
