package fr.dataterritoires.e2e.security.fuzz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON text written by hand rather than by a mapper, so that the fuzzer can send what a well-behaved writer refuses to:
 * lone surrogates (as {@code \\uD800} escapes), NUL, numbers beyond {@code long} or {@code double}. Values: null,
 * Boolean, Number, String, {@link Raw}, List, Map (insertion order kept).
 */
final class JsonText {

    /** JSON text inserted as is (a number no Java type holds, a nesting no object model builds). */
    record Raw(String text) {
        @Override
        public String toString() {
            return text.length() > 80 ? text.substring(0, 77) + "..." : text;
        }
    }

    private JsonText() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Raw raw -> out.append(raw.text());
            case Boolean b -> out.append(b);
            case BigDecimal d -> out.append(d.toPlainString());
            case Number n -> out.append(n);
            case String s -> string(s, out);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> string(value.toString(), out);
        }
    }

    /** Control characters and every surrogate escaped (a lone one cannot be written as UTF-8), the rest as is. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i)); // a valid pair: written as the character it is
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
