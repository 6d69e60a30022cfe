package fr.dataterritoires.portal.application;

import java.util.List;

/**
 * Who is signed in, as the pages show it, and the access token the portal relays to the services on their behalf.
 *
 * @param roles the suite's roles ({@code APPLICANT}, …) from the token's {@code roles} claim
 * @param siren the organisation the account belongs to, if its role carries one
 * @param region the région (INSEE code) a committee member acts for
 * @param ministry the ministry (code) a ministry officer acts for
 */
public record SignedInUser(String subject, String name, List<String> roles, String siren, String region,
                           String ministry) {

    public SignedInUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public String rolesLabel() {
        return String.join(", ", roles.stream().map(SignedInUser::roleLabel).toList());
    }

    public static String roleLabel(String role) {
        return switch (role) {
            case "NATIONAL_COORDINATOR" -> "Coordination nationale";
            case "COMMITTEE_MEMBER" -> "Membre d'un comité territorial";
            case "MINISTRY_OFFICER" -> "Administrateur ministériel des données";
            case "FUNDER" -> "Financeur";
            case "APPLICANT" -> "Porteur de projet";
            case "EVALUATOR" -> "Évaluateur";
            case "AGENT" -> "Agent public";
            case "HOST_MANAGER" -> "Responsable d'accueil";
            default -> role;
        };
    }
}
