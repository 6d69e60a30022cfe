package fr.dataterritoires.commonscalls.application;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dataterritoires.contracts.events.CloudEvents;

import tools.jackson.databind.JsonNode;

/**
 * A funder's file of innovation projects to levy, CSV or JSON, read into numbered lines of raw fields. CSV: UTF-8, a
 * header naming the columns {@code projectReference, programmeId, projectFunding} and optionally {@code
 * beneficiarySiren}, separated by commas or semicolons, double quotes around a field that holds one; line numbers are
 * the file's (the header is line 1). JSON: an array of objects with the same members, or {@code {"levies": [...]}};
 * line numbers are the positions in the array, from 1.
 */
public final class ImportFile {

    public static final List<String> COLUMNS = List.of("projectReference", "programmeId", "projectFunding",
            "beneficiarySiren");
    public static final int MAX_LINES = 5000;

    /** One line: its number in the file and its fields by column. */
    public record Line(int number, Map<String, String> fields) {
    }

    /** A line refused, and why. */
    public record LineError(int line, String field, String message) {
    }

    public record Parsed(List<Line> lines, List<LineError> errors) {
    }

    private ImportFile() {
    }

    public static String format(String fileNameOrContentType) {
        String s = fileNameOrContentType == null ? "" : fileNameOrContentType.toLowerCase(Locale.ROOT);
        return s.endsWith(".json") || s.contains("json") ? "JSON" : "CSV";
    }

    public static Parsed parse(byte[] content, String format) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(), List.of(new LineError(0, null, "Le fichier n'est pas encodé en UTF-8.")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return format.equals("JSON") ? json(text) : csv(text);
    }

    private static Parsed json(String text) {
        JsonNode root;
        try {
            root = CloudEvents.mapper().readTree(text);
        } catch (RuntimeException e) {
            return new Parsed(List.of(), List.of(new LineError(0, null, "Le fichier n'est pas un JSON valide.")));
        }
        JsonNode array = root != null && root.isObject() ? root.path("levies") : root;
        if (array == null || !array.isArray()) {
            return new Parsed(List.of(), List.of(new LineError(0, null,
                    "Un tableau d'objets (ou {\"levies\": [...]}) est attendu.")));
        }
        List<Line> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int n = 0;
        for (JsonNode item : array) {
            n++;
            if (!item.isObject()) {
                errors.add(new LineError(n, null, "Un objet est attendu."));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                JsonNode v = item.get(column);
                if (v != null && !v.isNull()) {
                    fields.put(column, v.isString() ? v.asString() : v.toString());
                }
            }
            lines.add(new Line(n, fields));
        }
        return limit(lines, errors);
    }

    private static Parsed csv(String text) {
        String[] physical = text.split("\r?\n", -1);
        List<Line> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        int headerAt = -1;
        for (int i = 0; i < physical.length; i++) {
            if (!physical[i].isBlank()) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) {
            return new Parsed(List.of(), List.of(new LineError(0, null, "Le fichier est vide.")));
        }
        char separator = physical[headerAt].contains(";") ? ';' : ',';
        List<String> header = split(physical[headerAt], separator);
        if (header == null || !header.containsAll(List.of("projectReference", "programmeId", "projectFunding"))) {
            return new Parsed(List.of(), List.of(new LineError(headerAt + 1, null, "L'en-tête doit nommer les colonnes "
                    + "projectReference, programmeId, projectFunding (et, au choix, beneficiarySiren).")));
        }
        for (int i = headerAt + 1; i < physical.length; i++) {
            if (physical[i].isBlank()) {
                continue;
            }
            List<String> values = split(physical[i], separator);
            if (values == null) {
                errors.add(new LineError(i + 1, null, "Guillemets non refermés."));
                continue;
            }
            if (values.size() != header.size()) {
                errors.add(new LineError(i + 1, null, header.size() + " colonnes attendues, " + values.size() + " trouvées."));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!values.get(c).isBlank()) {
                    fields.put(header.get(c), values.get(c).trim());
                }
            }
            lines.add(new Line(i + 1, fields));
        }
        return limit(lines, errors);
    }

    private static Parsed limit(List<Line> lines, List<LineError> errors) {
        if (lines.size() + errors.size() > MAX_LINES) {
            return new Parsed(List.of(), List.of(new LineError(0, null, "Au plus " + MAX_LINES + " lignes par fichier.")));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, null, "Le fichier ne contient aucune ligne à prélever."));
        }
        return new Parsed(lines, errors);
    }

    /** Fields of one CSV line; null when a quote is left open. */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    current.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(current.toString());
        return fields;
    }
}
