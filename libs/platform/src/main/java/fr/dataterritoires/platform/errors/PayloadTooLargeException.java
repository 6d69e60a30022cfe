package fr.dataterritoires.platform.errors;

import java.io.IOException;

/**
 * Thrown while reading a request body that exceeds the configured maximum. An {@link IOException}
 * so that it can escape {@code InputStream.read}; the error handler finds it in any cause chain.
 */
public class PayloadTooLargeException extends IOException {

    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("Request body exceeds " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
