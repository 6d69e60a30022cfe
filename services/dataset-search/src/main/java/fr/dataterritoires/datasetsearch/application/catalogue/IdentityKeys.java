package fr.dataterritoires.datasetsearch.application.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * How two sources are recognised to describe the same dataset: the same source URI or the same landing page, once
 * written the same way (trimmed, scheme and host in lower case, no trailing slash).
 */
public final class IdentityKeys {

    private IdentityKeys() {
    }

    /**
     * The normalised form of a reference, used for storage and look-ups. Text that is not an absolute URI is only
     * trimmed. Null for null or blank.
     */
    public static String normalise(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String value = reference.strip();
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getScheme() != null) {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                String rest = value.substring(uri.getScheme().length());
                if (uri.getRawAuthority() != null && rest.startsWith("://")) {
                    String authority = uri.getRawAuthority();
                    String after = rest.substring(3 + authority.length());
                    value = scheme + "://" + authority.toLowerCase(Locale.ROOT) + after;
                } else {
                    value = scheme + rest;
                }
            }
        } catch (URISyntaxException notAUri) {
            // kept as written: a local identifier such as "fr-120066022-jdd-1234"
        }
        while (value.length() > 1 && value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    /**
     * The key two sources must share to be merged: only absolute URIs qualify, since a bare local identifier ("42")
     * means different datasets in different sources.
     */
    public static Optional<String> mergeKey(String reference) {
        String normalised = normalise(reference);
        if (normalised == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(normalised);
            return uri.isAbsolute() && uri.getSchemeSpecificPart() != null && uri.getSchemeSpecificPart().length() > 2
                    ? Optional.of(normalised) : Optional.empty();
        } catch (URISyntaxException notAUri) {
            return Optional.empty();
        }
    }
}
