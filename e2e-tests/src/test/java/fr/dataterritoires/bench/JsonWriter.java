package fr.dataterritoires.bench;

/** A minimal streaming JSON writer into a StringBuilder: the bench writes large pages and wants no tree. */
final class JsonWriter {

    private final StringBuilder out;
    private boolean first = true;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        comma();
        out.append('{');
        first = true;
        return this;
    }

    JsonWriter endObject() {
        out.append('}');
        first = false;
        return this;
    }

    JsonWriter beginArray() {
        comma();
        out.append('[');
        first = true;
        return this;
    }

    JsonWriter endArray() {
        out.append(']');
        first = false;
        return this;
    }

    JsonWriter name(String name) {
        comma();
        string(name);
        out.append(':');
        first = true; // the value follows without a comma
        return this;
    }

    JsonWriter value(String value) {
        comma();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        first = false;
        return this;
    }

    JsonWriter value(long value) {
        comma();
        out.append(value);
        first = false;
        return this;
    }

    JsonWriter value(double value) {
        comma();
        out.append(value);
        first = false;
        return this;
    }

    JsonWriter value(boolean value) {
        comma();
        out.append(value);
        first = false;
        return this;
    }

    JsonWriter nullValue() {
        comma();
        out.append("null");
        first = false;
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A JSON string literal of {@code value}, quotes included. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2);
        new JsonWriter(b).value(value);
        return b.toString();
    }
}
