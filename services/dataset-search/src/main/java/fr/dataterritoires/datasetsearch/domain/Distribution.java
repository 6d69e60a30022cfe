package fr.dataterritoires.datasetsearch.domain;

import java.util.Locale;
import java.util.Set;

/**
 * One way to get the data (a file, an API, a service).
 *
 * @param title       may be null
 * @param accessUrl   page or service giving access; may be null when only a download URL is known
 * @param downloadUrl direct download; may be null
 * @param format      normalised format name in upper case (CSV, JSON, GEOJSON, SHP...), may be null
 * @param mediaType   IANA media type when declared, may be null
 * @param byteSize    size in bytes when declared, may be null
 */
public record Distribution(String title, String accessUrl, String downloadUrl, String format, String mediaType,
                           Long byteSize) {

    /** Formats anyone can read with free software: the "open format" quality criterion. */
    static final Set<String> OPEN_FORMATS = Set.of("CSV", "JSON", "GEOJSON", "XML", "GML", "KML", "KMZ", "ODS", "ODT",
            "TXT", "RDF", "TTL", "JSONLD", "JSON-LD", "NT", "GTFS", "GTFS-RT", "NETEX", "GPKG", "GEOPACKAGE", "SHP",
            "ZIP", "PARQUET", "PDF", "HTML", "WMS", "WFS", "WMTS", "TIFF", "GEOTIFF", "JPEG", "PNG", "SQL", "TSV",
            "MBTILES", "LAS", "LAZ", "SIRI", "GBFS", "DBF", "OSM", "PBF");

    public Distribution {
        title = Text.blankToNull(title);
        accessUrl = Text.blankToNull(accessUrl);
        downloadUrl = Text.blankToNull(downloadUrl);
        format = normaliseFormat(format);
        mediaType = Text.blankToNull(mediaType);
        if (byteSize != null && byteSize < 0) {
            throw new IllegalArgumentException("A distribution size cannot be negative");
        }
        if (accessUrl == null && downloadUrl == null) {
            throw new IllegalArgumentException("A distribution needs an access or a download URL");
        }
    }

    /** "text/csv", ".csv", "csv " all give CSV; IANA and EU file-type URIs keep their last segment. */
    public static String normaliseFormat(String format) {
        String value = Text.blankToNull(format);
        if (value == null) {
            return null;
        }
        int slash = value.lastIndexOf('/');
        if (slash >= 0 && slash < value.length() - 1) {
            value = value.substring(slash + 1);
        }
        if (value.startsWith(".")) {
            value = value.substring(1);
        }
        value = value.toUpperCase(Locale.ROOT);
        return switch (value) {
            case "VND.MS-EXCEL" -> "XLS";
            case "VND.OPENXMLFORMATS-OFFICEDOCUMENT.SPREADSHEETML.SHEET" -> "XLSX";
            case "VND.OASIS.OPENDOCUMENT.SPREADSHEET" -> "ODS";
            case "GEO+JSON" -> "GEOJSON";
            case "LD+JSON" -> "JSONLD";
            case "PLAIN" -> "TXT";
            case "ESRI SHAPEFILE", "SHAPEFILE" -> "SHP";
            default -> value.isBlank() ? null : value;
        };
    }

    public boolean isOpenFormat() {
        return format != null && OPEN_FORMATS.contains(format);
    }

    /** The URL to give people: the download when known, else the access page. */
    public String url() {
        return downloadUrl != null ? downloadUrl : accessUrl;
    }
}
