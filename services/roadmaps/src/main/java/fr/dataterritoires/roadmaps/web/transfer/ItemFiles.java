package fr.dataterritoires.roadmaps.web.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.roadmaps.application.transfer.ItemColumn;
import fr.dataterritoires.roadmaps.application.transfer.ItemRows.Row;
import fr.dataterritoires.roadmaps.web.csv.Csv;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Item files in CSV and JSON, the same columns ({@link ItemColumn}) both ways. CSV: the suite's dialect ({@link Csv}),
 * decimals with a comma, list values joined by {@code " | "}, milestones and indicators as JSON text. JSON: an array
 * of objects keyed by column, lists as arrays, milestones and indicators as arrays of objects, other values as
 * strings (numbers and booleans are accepted on import). A file that cannot be read as a whole (not CSV, not a JSON
 * array, an unknown column) is refused at once, naming what is wrong; line-level problems are the import's.
 */
final class ItemFiles {

    private static final JsonMapper MAPPER = CloudEvents.mapper();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ItemFiles() {
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    static byte[] csv(List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (ItemColumn column : ItemColumn.values()) {
                String value = row.get(column);
                cells.add(value != null && column.type() == ItemColumn.Type.DECIMAL ? value.replace('.', ',') : value);
            }
            lines.add(cells);
        }
        return Csv.write(ItemColumn.headers(), lines);
    }

    static ArrayNode json(List<Row> rows) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Row row : rows) {
            ObjectNode o = array.addObject();
            for (ItemColumn column : ItemColumn.values()) {
                String value = row.get(column);
                if (value == null) {
                    continue;
                }
                switch (column.type()) {
                    case LIST -> {
                        ArrayNode list = o.putArray(column.header());
                        for (String v : value.split("\\s*\\|\\s*")) {
                            list.add(v);
                        }
                    }
                    case STRUCTURED -> o.set(column.header(), MAPPER.readTree(value));
                    default -> o.put(column.header(), value);
                }
            }
        }
        return array;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The charset the request declares ({@code text/csv;charset=windows-1252}); otherwise UTF-8 (with or without BOM),
     * and a file that is not valid UTF-8 is read as Windows-1252 (what Excel's "CSV" save writes).
     */
    static String text(byte[] body, Charset declared) {
        if (declared != null) {
            return new String(body, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, WINDOWS_1252);
        }
    }

    static List<Row> readCsv(byte[] body, Charset declared) {
        List<Csv.Record> records;
        try {
            records = Csv.read(text(body, declared));
        } catch (Csv.MalformedCsvException e) {
            throw RuleViolation.invalid("file", e.getMessage());
        }
        if (records.isEmpty()) {
            throw RuleViolation.invalid("file", "Le fichier est vide : la première ligne nomme les colonnes ("
                    + String.join(";", ItemColumn.headers()) + ").");
        }
        List<String> header = records.getFirst().cells();
        List<ItemColumn> columns = new ArrayList<>();
        Set<ItemColumn> seen = new HashSet<>();
        for (String name : header) {
            Optional<ItemColumn> column = ItemColumn.byHeader(name);
            if (column.isEmpty()) {
                throw RuleViolation.invalid("header", "La colonne « " + name.strip() + " » est inconnue. Colonnes "
                        + "possibles : " + String.join(", ", ItemColumn.headers()) + ".");
            }
            if (!seen.add(column.get())) {
                throw RuleViolation.invalid("header", "La colonne « " + name.strip() + " » figure deux fois.");
            }
            columns.add(column.get());
        }
        requireColumns(seen);
        List<Row> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            Map<ItemColumn, String> cells = new EnumMap<>(ItemColumn.class);
            List<String> values = record.cells();
            for (int i = 0; i < values.size(); i++) {
                if (i >= columns.size()) {
                    if (!values.get(i).isBlank()) {
                        throw RuleViolation.invalid("file", "Ligne " + record.line() + " : " + values.size()
                                + " cellules pour " + columns.size() + " colonnes (un « ; » de trop, ou une cellule "
                                + "à mettre entre guillemets ?).");
                    }
                    continue;
                }
                cells.put(columns.get(i), values.get(i));
            }
            rows.add(new Row(record.line(), cells));
        }
        return rows;
    }

    static List<Row> readJson(byte[] body, Charset declared) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text(body, declared));
        } catch (JacksonException e) {
            throw RuleViolation.invalid("file", "Le fichier n'est pas du JSON lisible : "
                    + e.getOriginalMessage() + ".");
        }
        if (root == null || !root.isArray()) {
            throw RuleViolation.invalid("file", "Le fichier JSON est un tableau d'éléments : [{\"kind\": …, "
                    + "\"title\": …}, …].");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            int line = i + 1;
            if (!element.isObject()) {
                throw RuleViolation.invalid("file", "L'élément " + line + " du tableau n'est pas un objet.");
            }
            Map<ItemColumn, String> cells = new EnumMap<>(ItemColumn.class);
            for (Map.Entry<String, JsonNode> property : element.properties()) {
                ItemColumn column = ItemColumn.byHeader(property.getKey()).orElseThrow(() -> RuleViolation.invalid(
                        "header", "L'élément " + line + " a une propriété inconnue « " + property.getKey()
                                + " ». Propriétés possibles : " + String.join(", ", ItemColumn.headers()) + "."));
                cells.put(column, cell(column, property.getValue(), line));
            }
            rows.add(new Row(line, cells));
        }
        return rows;
    }

    private static String cell(ItemColumn column, JsonNode value, int line) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (column.type() == ItemColumn.Type.STRUCTURED) {
            return value.isString() ? value.asString() : MAPPER.writeValueAsString(value);
        }
        if (value.isArray() && column.type() == ItemColumn.Type.LIST) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : value) {
                values.add(v.isValueNode() ? v.asString() : v.toString());
            }
            return String.join(ItemColumn.LIST_SEPARATOR, values);
        }
        if (value.isValueNode()) {
            return value.asString();
        }
        throw RuleViolation.invalid(column.header(), "L'élément " + line + " : « " + column.header()
                + " » attend " + (column.type() == ItemColumn.Type.LIST ? "une liste de textes." : "une valeur simple."));
    }

    private static void requireColumns(Set<ItemColumn> present) {
        List<String> missing = new ArrayList<>();
        for (ItemColumn required : List.of(ItemColumn.KIND, ItemColumn.TITLE)) {
            if (!present.contains(required)) {
                missing.add(required.header());
            }
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.invalid("header", "Colonnes obligatoires absentes : " + String.join(", ", missing)
                    + ".");
        }
    }
}
