package fr.dataterritoires.datasetsearch.domain.demand;

import fr.dataterritoires.platform.errors.rules.RuleViolation;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The person asking, with the least personal data that lets the producer answer: who they are in the identity provider
 * (token subject), a name and a professional e-mail. Once the request is closed and its retention period has passed,
 * all three are erased ({@link #erased(Instant)}): only the organisation, the purpose and the dates remain.
 *
 * @param erasedAt when the personal data was erased, or null while it is kept
 */
public record Requester(String subject, String name, String email, Instant erasedAt) {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    public Requester(String subject, String name, String email) {
        this(subject, name, email, null);
    }

    /** The requester of a request whose personal data was erased at {@code at}. */
    public static Requester erased(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("The erasure time is required");
        }
        return new Requester(null, null, null, at);
    }

    public Requester {
        if (erasedAt != null) {
            if (subject != null || name != null || email != null) {
                throw new IllegalArgumentException("An erased requester keeps no personal data");
            }
        } else {
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("A requester subject is required");
            }
            name = Rules.required(name, "requesterName", "Le nom du demandeur (requesterName) est obligatoire.");
            Rules.maxLength(name, NAME_MAX, "requesterName", "Le nom du demandeur (requesterName)");
            email = Rules.required(email, "requesterEmail",
                    "L'adresse électronique professionnelle du demandeur (requesterEmail) est obligatoire.");
            Rules.maxLength(email, EMAIL_MAX, "requesterEmail", "L'adresse électronique (requesterEmail)");
            if (!EMAIL.matcher(email).matches()) {
                throw new RuleViolation("demande-acces.courriel-invalide", "requesterEmail",
                        "L'adresse électronique (requesterEmail) « " + email + " » n'est pas une adresse valide.");
            }
            email = email.toLowerCase(Locale.ROOT);
        }
    }

    public boolean isErased() {
        return erasedAt != null;
    }
}
