package fr.dataterritoires.platform.errors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Text passes, real binary files (made here by the JDK, not hand-written bytes) are refused with their format. */
class UploadedTextTest {

    private static final String EXPECTED = "un fichier CSV ou JSON";

    @Test
    void csvAndJsonInUtf8OrWindows1252Pass() {
        assertThatCode(() -> UploadedText.requireText("titre;région\nÉtude;84\n".getBytes(StandardCharsets.UTF_8),
                EXPECTED)).doesNotThrowAnyException();
        assertThatCode(() -> UploadedText.requireText("titre;région\n".getBytes(java.nio.charset.Charset.forName(
                "windows-1252")), EXPECTED)).doesNotThrowAnyException();
        assertThatCode(() -> UploadedText.requireText("[{\"a\":1}]".getBytes(StandardCharsets.UTF_8), EXPECTED))
                .doesNotThrowAnyException();
        assertThatCode(() -> UploadedText.requireText(new byte[0], EXPECTED)).doesNotThrowAnyException();
    }

    @Test
    void aWorkbookOrArchiveSentAsCsvIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("xl/workbook.xml"));
            out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> UploadedText.requireText(zip.toByteArray(), EXPECTED))
                .isInstanceOfSatisfying(UnsupportedContentException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.detectedFormat()).isEqualTo("zip"))
                .hasMessageContaining("CSV");
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write("a;b\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> UploadedText.requireText(gzip.toByteArray(), EXPECTED))
                .isInstanceOf(UnsupportedContentException.class);
    }

    @Test
    void utf16OrAnyNulByteIsRefused() {
        assertThatThrownBy(() -> UploadedText.requireText("titre;région\n".getBytes(StandardCharsets.UTF_16LE),
                EXPECTED)).isInstanceOfSatisfying(UnsupportedContentException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.detectedFormat()).isEqualTo("binary"));
    }
}
