package fr.dataterritoires.roadmaps.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The suite's CSV dialect: what is written reads back the same, formulas neutralised, malformed files refused. */
class CsvTest {

    @Property(tries = 300)
    void whatIsWrittenReadsBackTheSame(@ForAll("rows") List<List<String>> rows) {
        List<String> header = List.of("a", "b", "c");
        String text = new String(Csv.write(header, rows), StandardCharsets.UTF_8);
        List<Csv.Record> read = Csv.read(text);
        assertThat(read.getFirst().cells()).isEqualTo(header);
        List<List<String>> back = new ArrayList<>();
        read.subList(1, read.size()).forEach(r -> back.add(r.cells()));
        assertThat(back).isEqualTo(rows);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> first = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> any = Arbitraries.strings().withChars("ab é;\",\n\r=+-@'\t|[]{}:").ofMaxLength(12)
                .filter(s -> !(s.length() >= 2 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0));
        return Arbitraries.oneOf(first).list().ofSize(1).flatMap(f -> any.list().ofSize(2)
                .map(rest -> { List<String> row = new ArrayList<>(f); row.addAll(rest); return row; }))
                .list().ofMaxSize(6);
    }

    @Test
    void formulaLikeCellsAreNeutralised() {
        String text = new String(Csv.write(List.of("x"), List.of(List.of("=1+1"), List.of("+33"), List.of("-2"),
                List.of("@A1"), List.of("\tx"), List.of("a=b"))), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("\uFEFFx\r\n'=1+1\r\n'+33\r\n'-2\r\n'@A1\r\n'\tx\r\na=b\r\n");
    }

    @Test
    void commaSeparatedFilesWithoutBomAndLfAreReadToo() {
        List<Csv.Record> read = Csv.read("kind,title\nUSE_CASE,\"Un, deux\"\n\nDATASET,x");
        assertThat(read).extracting(Csv.Record::cells).containsExactly(List.of("kind", "title"),
                List.of("USE_CASE", "Un, deux"), List.of("DATASET", "x"));
        assertThat(read).extracting(Csv.Record::line).containsExactly(1, 2, 4);
    }

    @Test
    void lineNumbersCountLinesInsideQuotedCells() {
        List<Csv.Record> read = Csv.read("a;b\r\n\"deux\r\nlignes\";x\r\nsuite;y\r\n");
        assertThat(read).extracting(Csv.Record::line).containsExactly(1, 2, 4);
    }

    @Test
    void malformedFilesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> Csv.read("a;b\r\nx;\"ouvert\r\n")).isInstanceOf(Csv.MalformedCsvException.class)
                .hasMessageContaining("Ligne 2");
        assertThatThrownBy(() -> Csv.read("a;b\r\n\"x\"y;z\r\n")).isInstanceOf(Csv.MalformedCsvException.class)
                .hasMessageContaining("Ligne 2");
    }
}
