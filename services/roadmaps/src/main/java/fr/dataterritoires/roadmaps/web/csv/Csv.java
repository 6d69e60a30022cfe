package fr.dataterritoires.roadmaps.web.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's CSV dialect for French spreadsheet users (ADR 0009): UTF-8 with a byte order mark (so that Excel
 * reads the accents right), {@code ;} as separator (the comma is the French decimal separator), CRLF line ends,
 * RFC 4180 quoting. On writing, a cell that starts with {@code = + - @}, a tab or a carriage return is prefixed
 * with {@code '} so that no spreadsheet runs it as a formula (CSV injection); reading takes that prefix off again.
 * Reading accepts {@code ;} or {@code ,} (whichever the header line uses), with or without BOM, LF or CRLF.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    public static final char SEPARATOR = ';';
    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** A record read from a file and the number of the line it starts on (the header is line 1). */
    public record Record(int line, List<String> cells) {
    }

    /** The file could not be read as CSV (unclosed quote...). */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;

        public MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    public static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, header);
        for (List<String> row : rows) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell, neutralised and quoted when needed. */
    static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String value = neutralise(raw);
        boolean quote = value.indexOf(SEPARATOR) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.startsWith(" ") || value.endsWith(" ");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Prefixes a cell a spreadsheet would take for a formula with {@code '}. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isFormulaStart(value.charAt(0)) ? "'" + value : value;
    }

    /** Takes off the prefix {@link #neutralise} added. */
    public static String restore(String value) {
        if (value != null && value.length() >= 2 && value.charAt(0) == '\'' && isFormulaStart(value.charAt(1))) {
            return value.substring(1);
        }
        return value;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** All records, the header first; empty lines skipped; cells restored ({@link #restore}). */
    public static List<Record> read(String text) {
        String s = text.startsWith(BOM) ? text.substring(1) : text;
        char separator = separatorOf(s);
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                cells.add(finish(cell, wasQuoted));
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(finish(cell, wasQuoted));
                wasQuoted = false;
                addRecord(records, recordLine, cells);
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (wasQuoted) {
                throw new MalformedCsvException(line, "Ligne " + line + " : un caractère suit le guillemet fermant "
                        + "d'une cellule (doublez les guillemets à l'intérieur d'une cellule entre guillemets).");
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException(recordLine, "Ligne " + recordLine + " : un guillemet ouvert n'est jamais "
                    + "fermé.");
        }
        if (!cell.isEmpty() || !cells.isEmpty() || wasQuoted) {
            cells.add(finish(cell, wasQuoted));
            addRecord(records, recordLine, cells);
        }
        return records;
    }

    private static String finish(StringBuilder cell, boolean wasQuoted) {
        String value = cell.toString();
        cell.setLength(0);
        return restore(value);
    }

    private static void addRecord(List<Record> records, int line, List<String> cells) {
        boolean blank = cells.stream().allMatch(c -> c == null || c.isBlank());
        if (!blank) {
            records.add(new Record(line, List.copyOf(cells)));
        }
    }

    private static char separatorOf(String s) {
        int end = s.indexOf('\n');
        String header = end < 0 ? s : s.substring(0, end);
        return header.indexOf(';') >= 0 || header.indexOf(',') < 0 ? ';' : ',';
    }
}
