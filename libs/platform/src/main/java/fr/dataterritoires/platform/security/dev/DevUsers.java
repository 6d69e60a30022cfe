package fr.dataterritoires.platform.security.dev;

import fr.dataterritoires.platform.security.Role;
import java.util.Set;

/** One demo user per role, with a plausible scope (region 84 = Auvergne-Rhône-Alpes; SIRENs pass the Luhn check). */
public final class DevUsers {

    public static final String DEMO_REGION = "84";
    public static final String DEMO_MINISTRY = "MTECT";
    public static final String DEMO_FUNDER_SIREN = "130005481";
    public static final String DEMO_APPLICANT_SIREN = "213800006";
    public static final String DEMO_EMPLOYER_SIREN = "120000005";
    public static final String DEMO_HOST_SIREN = "180060006";

    private DevUsers() {
    }

    public static DevTokenRequest demo(Role role) {
        return switch (role) {
            case NATIONAL_COORDINATOR -> user("demo-coordination-nationale", "Camille Martin", role, null, null, null);
            case COMMITTEE_MEMBER -> user("demo-comite-84", "Léa Bernard", role, DEMO_REGION, null, null);
            case MINISTRY_OFFICER -> user("demo-ministere", "Hugo Petit", role, null, DEMO_MINISTRY, null);
            case FUNDER -> user("demo-financeur", "Inès Robert", role, null, null, DEMO_FUNDER_SIREN);
            case APPLICANT -> user("demo-porteur", "Nathan Richard", role, null, null, DEMO_APPLICANT_SIREN);
            case EVALUATOR -> user("demo-evaluateur", "Chloé Durand", role, null, null, null);
            case AGENT -> user("demo-agent", "Lucas Dubois", role, null, null, DEMO_EMPLOYER_SIREN);
            case HOST_MANAGER -> user("demo-accueil", "Manon Moreau", role, null, null, DEMO_HOST_SIREN);
        };
    }

    private static DevTokenRequest user(String subject, String name, Role role, String region, String ministry,
                                        String siren) {
        return new DevTokenRequest(subject, name, Set.of(role), region, ministry, siren, null);
    }
}
