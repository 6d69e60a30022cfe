package fr.dataterritoires.datasetsearch.domain.demand;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The person asking, with the least personal data that lets the producer answer: who they are in the identity provider
 * (token subject), a name and a professional e-mail.
 */
public record Requester(String subject, String name, String email) {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    public Requester {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A requester subject is required");
        }
        name = Rules.required(name, "requesterName", "Le nom du demandeur (requesterName) est obligatoire.");
        Rules.maxLength(name, NAME_MAX, "requesterName", "Le nom du demandeur (requesterName)");
        email = Rules.required(email, "requesterEmail",
                "L'adresse électronique professionnelle du demandeur (requesterEmail) est obligatoire.");
        Rules.maxLength(email, EMAIL_MAX, "requesterEmail", "L'adresse électronique (requesterEmail)");
        if (!EMAIL.matcher(email).matches()) {
            throw new DemandRuleViolation("demande-acces.courriel-invalide", "requesterEmail",
                    "L'adresse électronique (requesterEmail) « " + email + " » n'est pas une adresse valide.");
        }
        email = email.toLowerCase(Locale.ROOT);
    }
}
