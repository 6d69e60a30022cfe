package fr.dataterritoires.testing.backends;

import java.util.regex.Pattern;

/** Keeps passwords out of log lines. */
final class Redaction {

    private static final Pattern USERINFO = Pattern.compile("(://[^:/@]+:)[^@/]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");

    private Redaction() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = USERINFO.matcher(text).replaceAll("$1***@");
        return PASSWORD_PARAM.matcher(out).replaceAll("$1***");
    }
}
