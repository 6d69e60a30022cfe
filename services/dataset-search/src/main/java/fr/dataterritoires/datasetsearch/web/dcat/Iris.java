package fr.dataterritoires.datasetsearch.web.dcat;

import java.util.Locale;
import java.util.Optional;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Harvested addresses are often sloppy (spaces, missing scheme): only those that are absolute IRIs a harvester can
 * follow are written as IRIs, with spaces and a few stray characters percent-encoded.
 */
final class Iris {

    private Iris() {
    }

    /** The address as an absolute http(s) or ftp IRI, or empty. */
    static Optional<String> web(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String candidate = encodeStrays(address.strip());
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://"))) {
            return Optional.empty();
        }
        return valid(candidate);
    }

    /** A mailto IRI for an e-mail address, or empty. */
    static Optional<String> mail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String address = email.strip();
        if (address.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            address = address.substring("mailto:".length());
        }
        if (!address.matches("[^@\\s<>\"]+@[^@\\s<>\"]+")) {
            return Optional.empty();
        }
        return valid("mailto:" + address);
    }

    /** Any absolute IRI (schemes other than web ones included, e.g. urn:), or empty. */
    static Optional<String> absolute(String text) {
        if (text == null || text.isBlank() || !text.strip().matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
            return Optional.empty();
        }
        return valid(encodeStrays(text.strip()));
    }

    private static Optional<String> valid(String iri) {
        try {
            IRIx parsed = IRIx.create(iri);
            return parsed.isAbsolute() ? Optional.of(parsed.str()) : Optional.empty();
        } catch (IRIException invalid) {
            return Optional.empty();
        }
    }

    private static String encodeStrays(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case ' ' -> out.append("%20");
                case '"' -> out.append("%22");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '{' -> out.append("%7B");
                case '}' -> out.append("%7D");
                case '|' -> out.append("%7C");
                case '\\' -> out.append("%5C");
                case '^' -> out.append("%5E");
                case '`' -> out.append("%60");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
