package fr.dataterritoires.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text: private key blocks, signed-looking JWTs, bearer tokens, literal values of secret-like keys in
 * configuration (YAML, properties, JSON, rendered manifests), and high-entropy strings assigned to secret-like names
 * anywhere (code included). A finding never carries the secret itself, only its first characters.
 */
final class SecretScanner {

    enum Rule {
        PRIVATE_KEY, JWT, BEARER_TOKEN, SECRET_VALUE, HIGH_ENTROPY_SECRET
    }

    /** @param excerpt the value's first characters and its length, never the whole value */
    record Finding(String where, int line, Rule rule, String value, String excerpt) {

        @Override
        public String toString() {
            return where + ":" + line + " " + rule + " " + excerpt;
        }
    }

    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-{5}BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-{5}");
    private static final Pattern JWT = Pattern.compile(
            "\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{20,}=*)");
    private static final String SECRET_WORD = "(password|passwd|pwd|secret|token|api[_-]?key|apikey|private[_-]?key"
            + "|credentials?|client[_-]?secret)";
    /**
     * key: value / key = value at the start of a line (YAML, properties, a YAML list item), or "key": value anywhere
     * (JSON); group 1 the key, group 3 the value. Prose ("Secrets: references only") is not an assignment.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?i)(?:^\\s*(?:-\\s+)?[\"']?|[\"'])([A-Za-z0-9_.-]*"
            + SECRET_WORD + "[A-Za-z0-9_.-]*)[\"']?\\s*[:=]\\s*(\"[^\"]*\"|'[^']*'|[^\\s,}#]+)");
    /** name = "literal" in any language; group 1 the name, group 3 the literal. */
    private static final Pattern QUOTED_ASSIGNMENT = Pattern.compile("(?i)\\b([A-Za-z0-9_.-]*" + SECRET_WORD
            + "[A-Za-z0-9_.-]*)[\"']?\\s*(?::|=|,)\\s*[\"']([A-Za-z0-9+/=_.~!@#$%^&*-]{16,})[\"']");
    /** Keys that name a secret rather than hold one (a Secret's name, the key inside it, a header, a claim...). */
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(name|ref|secretkey|file|path|url|uri|enabled"
            + "|header|claim|claims|type|types|scope|location|endpoint|lifespan|ttl|timeout|validity|length|policy"
            + "|mapper|method|mode|store|cache|format|prefix|usage|channels|tokenizer|filter|filters)$");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("yaml", "yml", "properties", "json", "env", "conf",
            "tpl", "toml", "ini", "cfg", "txt");

    private SecretScanner() {
    }

    /** Scans one file or document; {@code where} names it and, by its extension, says whether it is configuration. */
    static List<Finding> scan(String where, String text) {
        boolean configuration = isConfiguration(where);
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            find(PRIVATE_KEY, 0, line).forEach(v -> findings.add(finding(where, number, Rule.PRIVATE_KEY, v)));
            find(JWT, 0, line).forEach(v -> findings.add(finding(where, number, Rule.JWT, v)));
            find(BEARER, 1, line).stream().filter(v -> !v.startsWith("eyJ"))
                    .forEach(v -> findings.add(finding(where, number, Rule.BEARER_TOKEN, v)));
            if (configuration) {
                Matcher m = ASSIGNMENT.matcher(line);
                while (m.find()) {
                    String value = unquote(m.group(3));
                    if (!REFERENCE_KEY.matcher(m.group(1)).matches() && isLiteral(value)) {
                        findings.add(finding(where, number, Rule.SECRET_VALUE, value));
                    }
                }
            } else {
                Matcher m = QUOTED_ASSIGNMENT.matcher(line);
                while (m.find()) {
                    String value = m.group(3);
                    // a JWT is the JWT rule's finding already
                    if (!REFERENCE_KEY.matcher(m.group(1)).matches() && highEntropy(value) && !value.startsWith("eyJ")) {
                        findings.add(finding(where, number, Rule.HIGH_ENTROPY_SECRET, value));
                    }
                }
            }
        }
        return findings;
    }

    static boolean isConfiguration(String where) {
        String name = where.replaceFirst(".*/", "");
        int dot = name.lastIndexOf('.');
        return name.startsWith(".env") || name.startsWith("rendered ")
                || dot >= 0 && CONFIG_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<String> find(Pattern pattern, int group, String line) {
        List<String> values = new ArrayList<>();
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            values.add(m.group(group));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * A value that is written down, not looked up: placeholders (${...}, {{ ... }}, $(...), <...>), empty values,
     * booleans, numbers and YAML structure (a block follows) are not secrets.
     */
    static boolean isLiteral(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.equals("|") || v.equals(">") || v.startsWith("{") || v.startsWith("[") || v.equals("~")
                || v.startsWith("${") || v.startsWith("{{") || v.startsWith("$(") || v.startsWith("<")
                || v.startsWith("*") || v.startsWith("&")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return !(lower.equals("true") || lower.equals("false") || lower.equals("null") || lower.equals("none")
                || v.matches("-?[0-9]+(\\.[0-9]+)?[a-zA-Z]{0,2}"));
    }

    /** Random-looking: long enough, several character classes, and at least 3.5 bits of Shannon entropy a character. */
    static boolean highEntropy(String value) {
        if (value.length() < 16) {
            return false;
        }
        int classes = (value.matches(".*[a-z].*") ? 1 : 0) + (value.matches(".*[A-Z].*") ? 1 : 0)
                + (value.matches(".*[0-9].*") ? 1 : 0);
        return classes >= 2 && entropy(value) >= 3.5;
    }

    static double entropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / value.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static Finding finding(String where, int line, Rule rule, String value) {
        String shown = value.length() <= 4 ? "****" : value.substring(0, 4) + "…";
        return new Finding(where, line, rule, value, shown + " (" + value.length() + " chars)");
    }
}
