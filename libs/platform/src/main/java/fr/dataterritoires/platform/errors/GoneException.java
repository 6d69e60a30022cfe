package fr.dataterritoires.platform.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resource existed and is gone for good (withdrawn, deleted): REST 410, gRPC NOT_FOUND (gRPC has no "gone"), so
 * that a client tells "never existed" (404) from "no longer there". A service may give its own problem type, title
 * and extension members (e.g. when it went); they are sent as they are, so keep them short scalars.
 */
public class GoneException extends RuntimeException implements UserFacingMessage {

    private final String problemType;
    private final String title;
    private final Map<String, Object> properties;

    /** @param detail French sentence shown to the user; type {@link ProblemTypes#RESSOURCE_RETIREE} */
    public GoneException(String detail) {
        this(ProblemTypes.RESSOURCE_RETIREE, ProblemTypes.title(ProblemTypes.RESSOURCE_RETIREE), detail, Map.of());
    }

    /**
     * @param problemType the service's own stable type URI (under {@link ProblemTypes#BASE})
     * @param title its French title
     * @param properties extension members of the problem, in this order
     */
    public GoneException(String problemType, String title, String detail, Map<String, ?> properties) {
        super(detail);
        this.problemType = Objects.requireNonNull(problemType, "problemType");
        this.title = Objects.requireNonNull(title, "title");
        this.properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
