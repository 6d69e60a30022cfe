package fr.dataterritoires.datasetsearch.integration.harvest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.dataterritoires.datasetsearch.domain.Producer;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.territory.Territories;

/** Builds producers from what sources publish: a name, sometimes a SIREN or SIRET hidden in an identifier. */
public final class Producers {

    private static final Pattern DIGITS = Pattern.compile("(?<!\\d)(\\d{14}|\\d{9})(?!\\d)");

    private Producers() {
    }

    public static Producer producer(String name, String sirenOrIdentifier) {
        String siren = siren(sirenOrIdentifier);
        return new Producer(name.strip(), siren, type(name, siren));
    }

    /** A SIREN found in an identifier, a URI or a SIRET (its first nine digits), when its Luhn key holds. */
    public static String siren(String text) {
        if (text == null) {
            return null;
        }
        Matcher digits = DIGITS.matcher(text.replace(" ", ""));
        while (digits.find()) {
            String candidate = digits.group(1).substring(0, 9);
            if (Siren.isValid(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A cautious guess from the SIREN register of EPCI and the usual French names of public bodies. */
    static ProducerType type(String name, String siren) {
        if (siren != null && Territories.get().epci(siren).isPresent()) {
            return ProducerType.EPCI;
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        if (n.matches("^(commune|mairie|ville) (de |d'|du |des ).*")) {
            return ProducerType.COMMUNE;
        }
        if (n.contains("metropole") || n.contains("communaute d'agglomeration") || n.contains("communaute de communes")
                || n.contains("communaute urbaine") || n.endsWith("agglomeration") || n.contains(" agglo")) {
            return ProducerType.EPCI;
        }
        if (n.startsWith("departement") || n.contains("conseil departemental")) {
            return ProducerType.DEPARTEMENT;
        }
        if (n.startsWith("region ") || n.contains("conseil regional")) {
            return ProducerType.REGION;
        }
        if (n.startsWith("ministere") || n.startsWith("prefecture") || n.startsWith("dreal") || n.startsWith("ddt")
                || n.startsWith("sgar") || n.startsWith("direction departementale")
                || n.startsWith("direction regionale")) {
            return ProducerType.STATE_SERVICE;
        }
        if (n.startsWith("institut national") || n.startsWith("agence") || n.startsWith("caisse")
                || n.equals("ademe") || n.contains("(insee)") || n.startsWith("ign ") || n.equals("ign")) {
            return ProducerType.OPERATOR;
        }
        if (n.startsWith("association")) {
            return ProducerType.ASSOCIATION;
        }
        return ProducerType.UNKNOWN;
    }
}
