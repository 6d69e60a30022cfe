package fr.dataterritoires.replication.domain.initiative;

import java.util.List;

import fr.dataterritoires.platform.errors.rules.Checks;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The digital commons an initiative relies on: its software repository, licence and the data schemas
 * (schema.data.gouv.fr ids) it uses. {@code kind} is the commons-calls kind when an award named it.
 */
public record CommonsUsed(String title, String kind, String repositoryUrl, String licence, List<String> dataSchemas) {

    public static final List<String> KINDS = List.of("STANDARD", "SOFTWARE", "ALGORITHM", "COLLABORATIVE_DATABASE",
            "METHOD");

    public CommonsUsed {
        title = Checks.optional(title, "commons.title", 300);
        kind = Checks.optional(kind, "commons.kind", 40);
        if (kind != null && !KINDS.contains(kind)) {
            throw RuleViolation.invalid("commons.kind",
                    "Type de commun inconnu ; valeurs acceptées : " + String.join(", ", KINDS) + ".");
        }
        repositoryUrl = Checks.url(repositoryUrl, "commons.repositoryUrl");
        licence = Checks.optional(licence, "commons.licence", 100);
        dataSchemas = Checks.strings(dataSchemas, "commons.dataSchemas", 50, 200);
    }

    /** Open enough to outlive its lead: a licence and a public repository. */
    public boolean isReusable() {
        return licence != null && repositoryUrl != null;
    }
}
