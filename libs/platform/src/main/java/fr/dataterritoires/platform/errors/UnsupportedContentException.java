package fr.dataterritoires.platform.errors;

/**
 * A body whose bytes are not what its Content-Type declares (a spreadsheet or a PDF sent as text/csv): REST 415
 * {@link ProblemTypes#TYPE_MEDIA_NON_SUPPORTE}, with the format recognised as {@code detectedFormat}.
 */
public class UnsupportedContentException extends RuntimeException implements UserFacingMessage {

    private final String detectedFormat;

    /** @param detail French sentence shown to the user (what was sent, what to send instead) */
    public UnsupportedContentException(String detail, String detectedFormat) {
        super(detail);
        this.detectedFormat = detectedFormat;
    }

    public String detectedFormat() {
        return detectedFormat;
    }
}
