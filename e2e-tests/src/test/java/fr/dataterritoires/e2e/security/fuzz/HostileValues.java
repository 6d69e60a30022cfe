package fr.dataterritoires.e2e.security.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.dataterritoires.e2e.security.fuzz.JsonText.Raw;

/**
 * The values the fuzzer puts where a valid one belongs, by family. Each is named, so that a failure says what was
 * sent ({@code body.regionCode = RTL override}) and can be replayed from its seed.
 */
final class HostileValues {

    /** A value and the short name it is reported under. */
    record Named(String name, Object value) {
    }

    private HostileValues() {
    }

    /** Unicode edge cases: each has broken a real service somewhere (PostgreSQL refuses NUL in text, for one). */
    static final List<Named> UNICODE = List.of(
            new Named("NUL", "a\u0000b"),
            new Named("lone high surrogate", "x\uD800y"),
            new Named("lone low surrogate", "\uDFFF"),
            new Named("RTL override", "\u202Egpj.exe"),
            new Named("combining marks x500", "e" + "\u0301".repeat(500)),
            new Named("zero-width and BOM", "\u200B\uFEFF\u2060"),
            new Named("emoji ZWJ sequence", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\uD83C\uDDEB\uD83C\uDDF7"),
            new Named("noncharacters", "\uFFFE\uFFFF"),
            new Named("ANSI escape and bell", "\u001B[31m\u0007rouge"),
            new Named("only spaces", "   \t "),
            new Named("empty", ""));

    /** Injection strings: SQL, JSON, Elasticsearch query syntax, path traversal, CRLF, templates. */
    static final List<Named> INJECTION = List.of(
            new Named("SQL quote", "' OR '1'='1"),
            new Named("SQL statement", "1; DROP TABLE audit_log; --"),
            new Named("SQL LIKE wildcards", "%_%' --"),
            new Named("JSON breakout", "\"},{\"roles\":[\"NATIONAL_COORDINATOR\"],\"x\":\""),
            new Named("ES query syntax", "title:(* OR *) AND _exists_:id OR /.*/ OR a~10^99"),
            new Named("ES reserved chars", "+ - = && || > < ! ( ) { } [ ] ^ \" ~ * ? : \\ /"),
            new Named("ES query DSL", "{\"query\":{\"script\":{\"script\":\"1\"}}}"),
            new Named("path traversal", "../../../../etc/passwd"),
            new Named("encoded traversal", "..%2f..%2f..%2fetc%2fpasswd"),
            new Named("CRLF header injection", "x\r\nSet-Cookie: session=1\r\n\r\n<html>"),
            new Named("JNDI lookup", "${jndi:ldap://127.0.0.1/a}"),
            new Named("template expression", "{{7*7}}${7*7}#{7*7}"),
            new Named("HTML script", "<script>alert(1)</script>"),
            new Named("format string", "%s%s%n%x%08x"));

    /** Strings that are only long: past any sensible column, still under the gateway's body limit. */
    static List<Named> huge() {
        return List.of(
                new Named("string 100 000 chars", "x".repeat(100_000)),
                new Named("string 20 000 two-byte chars", "é".repeat(20_000)),
                new Named("string 256 chars", "a".repeat(256)),
                new Named("string 5 000 chars", "Z".repeat(5_000)));
    }

    /** Wrong JSON types for a field (the field's own type is left out by the caller). */
    static final List<Named> TYPES = List.of(
            new Named("number", 12345),
            new Named("negative number", -1),
            new Named("fraction", 1.5),
            new Named("boolean", true),
            new Named("null", null),
            new Named("empty array", List.of()),
            new Named("array of string", List.of("a")),
            new Named("object", java.util.Map.of("a", 1)),
            new Named("string", "texte"));

    static final List<Named> NUMBERS = List.of(
            new Named("-1", -1),
            new Named("0", 0),
            new Named("long overflow", new Raw("9223372036854775808")),
            new Named("int overflow", new Raw("2147483648")),
            new Named("huge exponent", new Raw("1e999999")),
            new Named("tiny exponent", new Raw("1e-999999")),
            new Named("double max", new Raw("1.7976931348623157e308")),
            new Named("negative zero", new Raw("-0.0")),
            new Named("40 digits", new Raw("1234567890123456789012345678901234567890")),
            new Named("NaN as string", "NaN"),
            new Named("Infinity as string", "Infinity"));

    static final List<Named> MONEY = List.of(
            new Named("negative cent", new BigDecimal("-0.01")),
            new Named("over-precise 10.005", new BigDecimal("10.005")),
            new Named("over-precise 0.0000001", new Raw("0.0000001")),
            new Named("exponent 1e3", new Raw("1e3")),
            new Named("huge 1e30", new Raw("1000000000000000000000000000000.00")),
            new Named("huge exponent 1e999999", new Raw("1e999999")),
            new Named("French decimal comma", "12 345,67"),
            new Named("NaN", "NaN"),
            new Named("currency sign", "100 €"),
            new Named("negative huge", new Raw("-99999999999999999999.99")));

    static final List<Named> DATES = List.of(
            new Named("30 February", "2031-02-30"),
            new Named("month 13", "2031-13-01"),
            new Named("year 0", "0000-01-01"),
            new Named("year +999999999", "+999999999-12-31"),
            new Named("negative year", "-0001-01-01"),
            new Named("year 9999", "9999-12-31"),
            new Named("year 1900", "1900-01-01"),
            new Named("unpadded", "2031-1-1"),
            new Named("French format", "31/12/2031"),
            new Named("hour 25", "2031-06-01T25:00:00Z"),
            new Named("offset +25:00", "2031-06-01T10:00:00+25:00"),
            new Named("epoch number", 1_900_000_000L));

    static final List<Named> YEARS = List.of(
            new Named("year -1", -1),
            new Named("year 0", 0),
            new Named("year 99999", 99_999),
            new Named("year int max", Integer.MAX_VALUE),
            new Named("year 1000", 1000));

    static final List<Named> SIREN = List.of(
            new Named("SIREN bad check digit", "123456788"),
            new Named("SIREN 8 digits", "12345678"),
            new Named("SIREN 10 digits", "1234567890"),
            new Named("SIREN letters", "ABCDEFGHI"),
            new Named("SIREN with spaces", "130 005 481"),
            new Named("SIREN fullwidth digits", "\uFF11\uFF13\uFF10\uFF10\uFF10\uFF15\uFF14\uFF18\uFF11"),
            new Named("SIREN all zeros", "000000000"));

    static final List<Named> REGION = List.of(
            new Named("région 00", "00"),
            new Named("région 99", "99"),
            new Named("région 2A (a département)", "2A"),
            new Named("région one digit", "7"),
            new Named("région 3 digits", "123"),
            new Named("région former code 82", "82"));

    static final List<Named> DEPARTEMENT = List.of(
            new Named("département 20 (split in 1976)", "20"),
            new Named("département 2C", "2C"),
            new Named("département 00", "00"),
            new Named("département 977", "977"),
            new Named("département lowercase 2a", "2a"));

    static final List<Named> COMMUNE = List.of(
            new Named("commune 00000", "00000"),
            new Named("commune 2A999", "2A999"),
            new Named("commune trailing space", "75056 "),
            new Named("commune 6 chars", "975011"),
            new Named("commune letters", "ABCDE"));

    static final List<Named> EPCI = List.of(
            new Named("EPCI 000000000", "000000000"),
            new Named("EPCI bad check digit", "200066781"),
            new Named("EPCI a commune SIREN", "217500016"));

    static final List<Named> UUIDS = List.of(
            new Named("not a UUID", "pas-un-identifiant"),
            new Named("nil UUID", "00000000-0000-0000-0000-000000000000"),
            new Named("UUID with braces", "{6f1c2d3e-0000-4000-8000-000000000000}"),
            new Named("number for UUID", "12345"));

    /** Values aimed at a field by what its name says it holds; empty when the name says nothing. */
    static List<Named> forName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<Named> out = new ArrayList<>();
        if (n.contains("siren") || n.contains("siret")) {
            out.addAll(SIREN);
        }
        if (n.contains("epci")) {
            out.addAll(EPCI);
        }
        if (n.contains("region") || n.contains("région")) {
            out.addAll(REGION);
        }
        if (n.contains("departement") || n.contains("department")) {
            out.addAll(DEPARTEMENT);
        }
        if (n.contains("commune") || n.contains("insee") || n.equals("territory") || n.contains("territorycode")) {
            out.addAll(COMMUNE);
        }
        if (isMoney(n)) {
            out.addAll(MONEY);
        }
        if (isDate(name)) {
            out.addAll(DATES);
        }
        if (n.contains("year")) {
            out.addAll(YEARS);
        }
        return out;
    }

    static boolean isMoney(String lowerName) {
        return lowerName.contains("amount") || lowerName.contains("budget") || lowerName.contains("funding")
                || lowerName.contains("cost") || lowerName.contains("price") || lowerName.contains("total")
                || lowerName.contains("granted") || lowerName.contains("requested") || lowerName.contains("rate");
    }

    /** A date by its name: {@code *Date}, {@code *At}, {@code *On} (camel case: "signedOn", not "action"). */
    static boolean isDate(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("date") || name.endsWith("At") || name.endsWith("On") || n.startsWith("start")
                || n.startsWith("end") || n.contains("deadline") || n.equals("from") || n.equals("until")
                || n.equals("since");
    }
}
