package fr.dataterritoires.datasetsearch.web.dcat;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.ProducerType;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.UpdateFrequency;

/**
 * The catalogue's values as the controlled vocabularies DCAT-AP asks for: EU Publications Office authority tables
 * (data themes, file types, frequencies, access rights, countries), IANA media types, ADMS publisher types and the
 * INSEE geographic IRIs.
 */
final class ControlledVocabularies {

    static final String DATA_THEME = Vocabulary.EU + "data-theme";
    static final String FILE_TYPE = Vocabulary.EU + "file-type/";
    static final String FREQUENCY = Vocabulary.EU + "frequency/";
    static final String ACCESS_RIGHT = Vocabulary.EU + "access-right/";
    static final String FRENCH = Vocabulary.EU + "language/FRA";
    static final String FRANCE = Vocabulary.EU + "country/FRA";
    static final String PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";

    /** A concept of a controlled vocabulary and its French label. */
    record Concept(String iri, String label) {
    }

    /** EU data themes with their French labels, and the stems of French theme labels that map to each. */
    private static final Map<String, String> THEME_LABELS = new LinkedHashMap<>();
    private static final Map<String, List<String>> THEME_STEMS = new LinkedHashMap<>();

    static {
        theme("TRAN", "Transports", "transport", "mobilit", "deplacement", "stationnement", "circulation", "velo",
                "routier", "ferroviaire");
        theme("ENER", "Énergie", "energi", "electricit", "carburant");
        theme("ENVI", "Environnement", "environnement", "climat", "biodiversit", "eau", "dechet", "pollution",
                "risque", "nature", "ecolog", "air", "eaux");
        theme("HEAL", "Santé", "sante", "medic", "hopita", "soins");
        theme("AGRI", "Agriculture, pêche, sylviculture et alimentation", "agricult", "peche", "aliment", "foret",
                "sylvicult");
        theme("ECON", "Économie et finances", "econom", "emploi", "entreprise", "commerce", "industri", "tourism",
                "financ");
        theme("EDUC", "Éducation, culture et sport", "educat", "enseignement", "ecole", "culture", "culturel",
                "sport", "patrimoine", "formation");
        theme("JUST", "Justice, système juridique et sécurité publique", "justice", "juridique", "securite",
                "police", "delinquance");
        theme("SOCI", "Population et société", "population", "societ", "social", "sociale", "demograph",
                "solidarit", "logement", "habitat");
        theme("REGI", "Régions et villes", "region", "ville", "urbanis", "amenagement", "territoire", "territoria",
                "cadastre", "foncier", "adresse");
        theme("GOVE", "Gouvernement et secteur public", "gouvern", "administration", "secteur public", "citoyen",
                "election", "budget", "collectivit", "public");
        theme("TECH", "Science et technologie", "scien", "technolog", "numerique", "recherche", "telecom");
        theme("INTR", "Questions internationales", "internation", "europe");
    }

    private static void theme(String code, String label, String... stems) {
        THEME_LABELS.put(code, label);
        THEME_STEMS.put(code, List.of(stems));
    }

    /** EU file types the catalogue's normalised format names designate. */
    private static final Map<String, String> FILE_TYPES = Map.ofEntries(
            Map.entry("CSV", "CSV"), Map.entry("TSV", "TSV"), Map.entry("JSON", "JSON"),
            Map.entry("GEOJSON", "GEOJSON"), Map.entry("XML", "XML"), Map.entry("XLS", "XLS"),
            Map.entry("XLSX", "XLSX"), Map.entry("ODS", "ODS"), Map.entry("ODT", "ODT"), Map.entry("PDF", "PDF"),
            Map.entry("ZIP", "ZIP"), Map.entry("SHP", "SHP"), Map.entry("KML", "KML"), Map.entry("KMZ", "KMZ"),
            Map.entry("GML", "GML"), Map.entry("RDF", "RDF_XML"), Map.entry("RDF/XML", "RDF_XML"),
            Map.entry("TTL", "RDF_TURTLE"), Map.entry("TURTLE", "RDF_TURTLE"), Map.entry("JSONLD", "JSON_LD"),
            Map.entry("JSON-LD", "JSON_LD"), Map.entry("NT", "RDF_N_TRIPLES"), Map.entry("HTML", "HTML"),
            Map.entry("TXT", "TXT"), Map.entry("WMS", "WMS_SRVC"), Map.entry("WFS", "WFS_SRVC"),
            Map.entry("WMTS", "WMTS_SRVC"), Map.entry("GPKG", "GPKG"), Map.entry("GEOPACKAGE", "GPKG"),
            Map.entry("TIFF", "TIFF"), Map.entry("GEOTIFF", "GEOTIFF"), Map.entry("JPEG", "JPEG"),
            Map.entry("PNG", "PNG"), Map.entry("PARQUET", "PARQUET"), Map.entry("SQL", "SQL"),
            Map.entry("DBF", "DBF"), Map.entry("GTFS", "GTFS"), Map.entry("NETCDF", "NETCDF"),
            Map.entry("DOC", "DOC"), Map.entry("DOCX", "DOCX"), Map.entry("7Z", "7Z"), Map.entry("GZIP", "GZIP"),
            Map.entry("TAR", "TAR"), Map.entry("LAS", "LAS"), Map.entry("LAZ", "LAZ"));

    /** IANA media types of the formats, when a source declares a format but no media type. */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("CSV", "text/csv"), Map.entry("TSV", "text/tab-separated-values"),
            Map.entry("JSON", "application/json"), Map.entry("GEOJSON", "application/geo+json"),
            Map.entry("XML", "application/xml"), Map.entry("XLS", "application/vnd.ms-excel"),
            Map.entry("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("ODT", "application/vnd.oasis.opendocument.text"), Map.entry("PDF", "application/pdf"),
            Map.entry("ZIP", "application/zip"), Map.entry("KML", "application/vnd.google-earth.kml+xml"),
            Map.entry("KMZ", "application/vnd.google-earth.kmz"), Map.entry("GML", "application/gml+xml"),
            Map.entry("RDF", "application/rdf+xml"), Map.entry("TTL", "text/turtle"),
            Map.entry("JSONLD", "application/ld+json"), Map.entry("JSON-LD", "application/ld+json"),
            Map.entry("NT", "application/n-triples"), Map.entry("HTML", "text/html"),
            Map.entry("TXT", "text/plain"), Map.entry("GPKG", "application/geopackage+sqlite3"),
            Map.entry("TIFF", "image/tiff"), Map.entry("GEOTIFF", "image/tiff"), Map.entry("JPEG", "image/jpeg"),
            Map.entry("PNG", "image/png"), Map.entry("PARQUET", "application/vnd.apache.parquet"),
            Map.entry("SQL", "application/sql"));

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    private static final Pattern FORMAT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.+-]*");

    private ControlledVocabularies() {
    }

    /**
     * The EU data theme a theme of the source designates: an EU theme IRI as it is, a French label when one of its
     * words starts like a theme's stems ("Mobilité et transports" is TRAN). Empty when nothing fits.
     */
    static Optional<Concept> dataTheme(String theme) {
        String trimmed = theme.strip();
        if (trimmed.startsWith(DATA_THEME + "/")) {
            String code = trimmed.substring(DATA_THEME.length() + 1);
            return THEME_LABELS.containsKey(code) ? Optional.of(themeConcept(code)) : Optional.empty();
        }
        if (trimmed.contains("://")) {
            return Optional.empty();
        }
        List<String> words = List.of(fold(trimmed).split("[^a-z0-9]+"));
        for (var entry : THEME_STEMS.entrySet()) {
            for (String stem : entry.getValue()) {
                boolean hit = stem.contains(" ")
                        ? (" " + String.join(" ", words) + " ").contains(" " + stem + " ")
                        : words.stream().anyMatch(word -> stem.length() < 5 ? word.equals(stem) || word.equals(stem + "s")
                                : word.startsWith(stem));
                if (hit) {
                    return Optional.of(themeConcept(entry.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    static Concept themeConcept(String code) {
        return new Concept(DATA_THEME + "/" + code, THEME_LABELS.get(code));
    }

    /** The EU file type of a normalised format; empty for formats the table lacks. */
    static Optional<String> fileType(String format) {
        return Optional.ofNullable(format).map(ControlledVocabularies::canonicalFormat).map(FILE_TYPES::get)
                .map(code -> FILE_TYPE + code);
    }

    /** CKAN portals write "OGC:WMS", "Shapefile (zip)": the format under the decoration. */
    static String canonicalFormat(String format) {
        String upper = format.strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("OGC:")) {
            upper = upper.substring(4);
        }
        if (upper.contains("SHAPEFILE") || upper.startsWith("SHP")) {
            return "SHP";
        }
        return upper;
    }

    /** Whether a format name can be the last segment of an IRI as it is. */
    static boolean isFormatCode(String format) {
        return format != null && FORMAT_CODE.matcher(format).matches();
    }

    /** The IANA IRI of the declared media type when it is one, else the usual one of the format. */
    static Optional<String> mediaType(String declared, String format) {
        if (declared != null) {
            String type = declared.strip().toLowerCase(Locale.ROOT);
            int parameters = type.indexOf(';');
            if (parameters >= 0) {
                type = type.substring(0, parameters).strip();
            }
            if (type.startsWith(Vocabulary.IANA)) {
                type = type.substring(Vocabulary.IANA.length());
            }
            if (MEDIA_TYPE.matcher(type).matches()) {
                return Optional.of(Vocabulary.IANA + type);
            }
        }
        return Optional.ofNullable(format).map(ControlledVocabularies::canonicalFormat).map(MEDIA_TYPES::get)
                .map(type -> Vocabulary.IANA + type);
    }

    static Optional<Concept> frequency(UpdateFrequency frequency) {
        return Optional.ofNullable(switch (frequency) {
            case CONTINUOUS -> new Concept(FREQUENCY + "UPDATE_CONT", "mise à jour continue");
            case DAILY -> new Concept(FREQUENCY + "DAILY", "quotidienne");
            case WEEKLY -> new Concept(FREQUENCY + "WEEKLY", "hebdomadaire");
            case MONTHLY -> new Concept(FREQUENCY + "MONTHLY", "mensuelle");
            case QUARTERLY -> new Concept(FREQUENCY + "QUARTERLY", "trimestrielle");
            case SEMIANNUAL -> new Concept(FREQUENCY + "ANNUAL_2", "semestrielle");
            case ANNUAL -> new Concept(FREQUENCY + "ANNUAL", "annuelle");
            case BIENNIAL -> new Concept(FREQUENCY + "BIENNIAL", "biennale");
            case IRREGULAR -> new Concept(FREQUENCY + "IRREG", "irrégulière");
            // A one-off publication is not meant to be updated: udata maps EU "NEVER" to "punctual" too.
            case PUNCTUAL -> new Concept(FREQUENCY + "NEVER", "ponctuelle");
            case UNKNOWN -> null;
        });
    }

    /** Open data is public; shared data is restricted to a data space's members; restricted data is not public. */
    static Concept accessRight(AccessLevel level) {
        return switch (level) {
            case OPEN -> new Concept(ACCESS_RIGHT + "PUBLIC", "public");
            case SHARED -> new Concept(ACCESS_RIGHT + "RESTRICTED", "restreint");
            case RESTRICTED -> new Concept(ACCESS_RIGHT + "NON_PUBLIC", "non public");
        };
    }

    static Optional<Concept> publisherType(ProducerType type) {
        return Optional.ofNullable(switch (type) {
            case COMMUNE, EPCI, DEPARTEMENT -> new Concept(PUBLISHER_TYPE + "LocalAuthority", "autorité locale");
            case REGION -> new Concept(PUBLISHER_TYPE + "RegionalAuthority", "autorité régionale");
            case STATE_SERVICE, OPERATOR -> new Concept(PUBLISHER_TYPE + "NationalAuthority", "autorité nationale");
            case ASSOCIATION -> new Concept(PUBLISHER_TYPE + "NonProfitOrganisation", "organisation à but non lucratif");
            case COMPANY -> new Concept(PUBLISHER_TYPE + "Company", "entreprise");
            case UNKNOWN -> null;
        });
    }

    /**
     * The IRI of a territory: INSEE's geographic IRIs (id.insee.fr) for the COG levels, the EU country for the
     * nation, the SIG Ville sheet for a priority neighbourhood.
     */
    static String territory(TerritoryRef territory) {
        String code = territory.code();
        return switch (territory.level()) {
            case COMMUNE -> "http://id.insee.fr/geo/commune/" + code;
            case DEPARTEMENT -> "http://id.insee.fr/geo/departement/" + code;
            case REGION -> "http://id.insee.fr/geo/region/" + code;
            case EPCI -> "http://id.insee.fr/geo/intercommunalite/" + code;
            case IRIS -> "http://id.insee.fr/geo/iris/" + code;
            case QPV -> "https://sig.ville.gouv.fr/territoire/" + code;
            case NATIONAL -> FRANCE;
        };
    }

    static final Set<String> THEME_CODES = THEME_LABELS.keySet();

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
