package fr.dataterritoires.datasetsearch.application.export;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The licences French portals use, recognised under the spellings sources give them ("lov2", "etalab-2.0",
 * "Licence Ouverte 2.0", their URLs...), so that the outputs name each one the same way: a CKAN licence id and title,
 * and the IRI of its licence document for DCAT-AP.
 */
public enum Licences {
    LICENCE_OUVERTE_2("lov2", "Licence Ouverte / Open Licence version 2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", true,
            List.of("lov2", "etalab-2.0", "etalab 2.0", "etalab-2", "licence ouverte 2.0", "licence ouverte v2.0",
                    "licence ouverte version 2.0", "licence ouverte / open licence version 2.0", "open licence 2.0",
                    "lo-2.0", "lo 2.0", "licence-ouverte-2.0", "licence ouverte v2", "etalab-licence-ouverte-v2.0"),
            List.of("etalab.gouv.fr/licence-ouverte-open-licence", "etalab.gouv.fr/wp-content/uploads/2017/04/etalab-licence-ouverte-v2.0")),
    LICENCE_OUVERTE_1("fr-lo", "Licence Ouverte / Open Licence",
            "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf", true,
            List.of("fr-lo", "licence ouverte", "open licence", "lo-1.0", "licence ouverte 1.0", "etalab-1.0",
                    "licence ouverte / open licence", "licence ouverte v1.0"),
            List.of("etalab.gouv.fr/wp-content/uploads/2014/05/licence_ouverte")),
    ODBL("odc-odbl", "Open Data Commons Open Database License (ODbL)",
            "https://opendatacommons.org/licenses/odbl/1-0/", true,
            List.of("odc-odbl", "odbl", "odbl-1.0", "open database license", "open database license (odbl)",
                    "open data commons open database license (odbl)"),
            List.of("opendatacommons.org/licenses/odbl")),
    ODC_BY("odc-by", "Open Data Commons Attribution License", "https://opendatacommons.org/licenses/by/1-0/", true,
            List.of("odc-by", "odc-by-1.0"), List.of("opendatacommons.org/licenses/by")),
    PDDL("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)",
            "https://opendatacommons.org/licenses/pddl/1-0/", true,
            List.of("odc-pddl", "pddl", "pddl-1.0"), List.of("opendatacommons.org/licenses/pddl")),
    CC_BY("cc-by", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/", true,
            List.of("cc-by", "cc by", "cc-by-4.0", "cc by 4.0", "cc-by 4.0", "creative commons attribution",
                    "creative commons attribution 4.0"),
            List.of("creativecommons.org/licenses/by/")),
    CC_BY_SA("cc-by-sa", "Creative Commons Attribution Share-Alike 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/", true,
            List.of("cc-by-sa", "cc by-sa", "cc-by-sa-4.0", "cc by-sa 4.0", "creative commons attribution share-alike"),
            List.of("creativecommons.org/licenses/by-sa/")),
    CC_ZERO("cc-zero", "Creative Commons CCZero", "https://creativecommons.org/publicdomain/zero/1.0/", true,
            List.of("cc-zero", "cc0", "cc0-1.0", "cc0 1.0", "creative commons cczero"),
            List.of("creativecommons.org/publicdomain/zero"));

    private final String ckanId;
    private final String title;
    private final String uri;
    private final boolean open;
    private final List<String> aliases;
    private final List<String> uriStems;

    Licences(String ckanId, String title, String uri, boolean open, List<String> aliases, List<String> uriStems) {
        this.ckanId = ckanId;
        this.title = title;
        this.uri = uri;
        this.open = open;
        this.aliases = aliases;
        this.uriStems = uriStems;
    }

    /** The licence a source's text designates, when it is one of the known ones. */
    public static Optional<Licences> recognise(String licence) {
        if (licence == null || licence.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(licence);
        String address = text.replaceFirst("^https?://(www\\.)?", "");
        for (Licences known : values()) {
            if (known.aliases.contains(text) || known.uriStems.stream().anyMatch(address::startsWith)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Every spelling recognised for this licence (ids, names, addresses), lower case: for exact-value filters. */
    public java.util.Set<String> spellings() {
        var spellings = new java.util.LinkedHashSet<String>(aliases);
        spellings.add(ckanId);
        spellings.add(uri);
        uriStems.forEach(stem -> {
            spellings.add("https://" + stem);
            spellings.add("http://" + stem);
            spellings.add("https://www." + stem);
            spellings.add("http://www." + stem);
        });
        return java.util.Collections.unmodifiableSet(spellings);
    }

    /** The licence of a CKAN licence id. */
    public static Optional<Licences> ofCkanId(String id) {
        for (Licences known : values()) {
            if (known.ckanId.equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    public String ckanId() {
        return ckanId;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return uri;
    }

    public boolean isOpen() {
        return open;
    }
}
