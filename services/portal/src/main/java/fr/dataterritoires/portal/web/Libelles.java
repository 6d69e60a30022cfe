package fr.dataterritoires.portal.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import fr.dataterritoires.portal.domain.FrenchNumbers;

/**
 * French words for the services' codes (statuses, kinds) and amounts as the pages show them, for the templates:
 * {@code ${@libelles.of(call.status())}}, {@code ${@libelles.euros(call.budget())}}. A code without a word shows as
 * it is.
 */
@Component("libelles")
public class Libelles {

    private static final Map<String, String> WORDS = Map.ofEntries(
            // calls and applications (commons-calls)
            Map.entry("DRAFT", "Brouillon"), Map.entry("OPEN", "Ouvert"), Map.entry("CLOSED", "Clos"),
            Map.entry("UNDER_EVALUATION", "En évaluation"), Map.entry("DECIDED", "Décidé"),
            Map.entry("SUBMITTED", "Déposée"), Map.entry("ELIGIBLE", "Éligible"), Map.entry("INELIGIBLE", "Inéligible"),
            Map.entry("AWARDED", "Lauréate"), Map.entry("WAITLISTED", "Liste d'attente"),
            Map.entry("REJECTED", "Non retenue"), Map.entry("WITHDRAWN", "Retirée"),
            Map.entry("COMMONS", "Appel à communs"), Map.entry("INNOVATION", "Appel à projets d'innovation"),
            Map.entry("LOCAL_AUTHORITY", "Collectivité territoriale"),
            Map.entry("MUTUALISATION_STRUCTURE", "Structure de mutualisation"),
            Map.entry("STATE_SERVICE", "Service de l'État"), Map.entry("PUBLIC_OPERATOR", "Opérateur public"),
            Map.entry("ASSOCIATION", "Association"), Map.entry("COMPANY", "Entreprise"),
            Map.entry("RESEARCH", "Recherche"), Map.entry("OTHER", "Autre"),
            Map.entry("STANDARD", "Standard de données"), Map.entry("SOFTWARE", "Logiciel"),
            Map.entry("ALGORITHM", "Algorithme"), Map.entry("COLLABORATIVE_DATABASE", "Base de données collaborative"),
            Map.entry("METHOD", "Méthode"), Map.entry("LEAD", "Chef de file"), Map.entry("MEMBER", "Membre"),
            Map.entry("ASSIGNED", "Désigné"), Map.entry("CONFLICT_DECLARED", "Conflit d'intérêts déclaré"),
            Map.entry("PRE_FINANCING", "Préfinancement"), Map.entry("MILESTONE", "Étape"),
            Map.entry("FINAL", "Solde"), Map.entry("PLANNED", "Prévue"), Map.entry("PAID", "Versée"),
            Map.entry("LEVY", "Prélèvement"), Map.entry("ALLOCATION", "Allocation"), Map.entry("REVERSAL", "Contrepassation"),
            // exchanges
            Map.entry("PUBLISHED", "Publiée"), Map.entry("EMPLOYER_APPROVED", "Accord de l'employeur"),
            Map.entry("EMPLOYER_REFUSED", "Refus de l'employeur"), Map.entry("HOST_REFUSED", "Refus de l'accueil"),
            Map.entry("ACCEPTED", "Acceptée"), Map.entry("STATE", "État"), Map.entry("TERRITORIAL", "Territoriale"),
            Map.entry("ON_SITE", "Sur place"), Map.entry("REMOTE", "À distance"), Map.entry("HYBRID", "Hybride"),
            Map.entry("ONLINE", "En ligne"), Map.entry("COHORT", "Promotion"),
            Map.entry("PEER_LEARNING", "Apprentissage entre pairs"), Map.entry("STATE_AGENT", "Agent de l'État"),
            Map.entry("TERRITORIAL_AGENT", "Agent territorial"), Map.entry("ELECTED_OFFICIAL", "Élu"),
            Map.entry("AWAITING_CONSENT", "En attente de l'accord de l'employeur"),
            Map.entry("ENROLLED", "Inscrit"), Map.entry("CONSENT_REFUSED", "Accord refusé"),
            Map.entry("COMPLETED", "Terminée"));

    public String of(String code) {
        return code == null ? "" : WORDS.getOrDefault(code, code);
    }

    /** {@code "150000.00"} → {@code "150 000,00 €"}, exactly (no floating point). */
    public String euros(String amount) {
        if (amount == null || amount.isBlank()) {
            return "—";
        }
        String euros = FrenchNumbers.euros(amount);
        return euros == null ? amount : euros;
    }

    /** {@code "82.500"} → {@code "82,5"}: a score or a rate with a decimal comma, without trailing zeros. */
    public String decimal(String number) {
        if (number == null || number.isBlank()) {
            return "—";
        }
        String plain = FrenchNumbers.plain(number);
        return plain == null ? number : plain;
    }

    /** The status badge's DSFR colour. */
    public String badge(String code) {
        return switch (code == null ? "" : code) {
            case "OPEN", "ELIGIBLE", "AWARDED", "ACCEPTED", "PAID", "ENROLLED", "COMPLETED", "PUBLISHED" ->
                    "fr-badge--success";
            case "INELIGIBLE", "REJECTED", "EMPLOYER_REFUSED", "HOST_REFUSED", "CONSENT_REFUSED" -> "fr-badge--error";
            case "WAITLISTED", "UNDER_EVALUATION", "AWAITING_CONSENT", "SUBMITTED", "EMPLOYER_APPROVED" ->
                    "fr-badge--info";
            default -> "fr-badge--new";
        };
    }
}
