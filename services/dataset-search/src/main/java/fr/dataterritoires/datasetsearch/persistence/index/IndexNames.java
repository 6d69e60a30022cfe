package fr.dataterritoires.datasetsearch.persistence.index;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The alias searches go through ({@code datasets}, or {@code <prefix>-datasets}) and the versioned indices behind
 * it: {@code <alias>-v<mappingVersion>-<UTC timestamp>-<random>}.
 */
public record IndexNames(String alias) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'-'HHmmssSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The names for a prefix (blank for none). */
    public static IndexNames of(String alias, String prefix) {
        String base = prefix == null || prefix.isBlank() ? alias : prefix.strip() + "-" + alias;
        return new IndexNames(base.toLowerCase(Locale.ROOT));
    }

    String newIndex(int mappingVersion, Instant now) {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return alias + "-v" + mappingVersion + "-" + STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
    }

    /** Pattern of every index this alias may point to, whatever its mapping version. */
    String indexPattern() {
        return alias + "-v*";
    }
}
