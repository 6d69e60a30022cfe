package fr.dataterritoires.platform.errors;

import java.util.List;

/**
 * The one check of uploaded files the suite accepts as text (CSV, JSON imports): the declared Content-Type is not
 * trusted, the first bytes are. A known binary format (a workbook, an archive, a PDF, an image, an executable) or any
 * NUL byte (binary, or UTF-16 text, which the imports do not read) is refused with a 415 before parsing, instead of
 * being read as garbled text and reported line by line.
 */
public final class UploadedText {

    private record Signature(String format, String hint, int[] bytes) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("zip", "un classeur (XLSX, ODS) ou une archive ZIP : enregistrez-le au format CSV (UTF-8)",
                    new int[] {0x50, 0x4B, 0x03, 0x04}),
            new Signature("xls", "un classeur Excel 97-2003 : enregistrez-le au format CSV (UTF-8)",
                    new int[] {0xD0, 0xCF, 0x11, 0xE0}),
            new Signature("pdf", "un document PDF", new int[] {0x25, 0x50, 0x44, 0x46}),
            new Signature("gzip", "une archive compressée (gzip)", new int[] {0x1F, 0x8B}),
            new Signature("png", "une image PNG", new int[] {0x89, 0x50, 0x4E, 0x47}),
            new Signature("jpeg", "une image JPEG", new int[] {0xFF, 0xD8, 0xFF}),
            new Signature("gif", "une image GIF", new int[] {0x47, 0x49, 0x46, 0x38}),
            new Signature("elf", "un programme exécutable", new int[] {0x7F, 0x45, 0x4C, 0x46}),
            new Signature("exe", "un programme exécutable", new int[] {0x4D, 0x5A}));

    /** How far NUL bytes are looked for: enough to tell binary from text without reading a large file twice. */
    private static final int SCANNED = 64 * 1024;

    private UploadedText() {
    }

    /**
     * Refuses {@code body} unless it looks like text.
     *
     * @param expected what the endpoint reads, in French for the message (e.g. "un fichier CSV ou JSON")
     * @throws UnsupportedContentException (415) naming the format recognised
     */
    public static void requireText(byte[] body, String expected) {
        for (Signature signature : SIGNATURES) {
            if (startsWith(body, signature.bytes())) {
                throw new UnsupportedContentException("Le fichier envoyé est " + signature.hint() + ", pas "
                        + expected + ".", signature.format());
            }
        }
        int end = Math.min(body.length, SCANNED);
        for (int i = 0; i < end; i++) {
            if (body[i] == 0) {
                throw new UnsupportedContentException("Le fichier envoyé n'est pas du texte (octet nul à la position "
                        + i + ") : envoyez " + expected + " encodé en UTF-8.", "binary");
            }
        }
    }

    private static boolean startsWith(byte[] body, int[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
