package fr.dataterritoires.e2e.security.matrix;

import fr.dataterritoires.platform.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who calls, in the authorization matrix: anonymous, then each {@link Role} with the scope of the matrix's resources
 * (région 84, ministry MTECT, the funder, the applicant, the agent themself, the host) and the same role with another
 * scope (another région, ministry, funder, organisation, agent). The resources the walk creates belong to the first.
 */
public enum Caller {

    ANONYMOUS("anonyme", null, null, null, null, null),
    COORDINATOR("coordination nationale", Role.NATIONAL_COORDINATOR, "mx-coordination", null, null, null),
    COMMITTEE("comité de la région 84", Role.COMMITTEE_MEMBER, "mx-comite-84", "84", null, null),
    COMMITTEE_OTHER("comité d'une autre région (52)", Role.COMMITTEE_MEMBER, "mx-comite-52", "52", null, null),
    MINISTRY("ministère MTECT", Role.MINISTRY_OFFICER, "mx-ministere-mtect", null, "MTECT", null),
    MINISTRY_OTHER("autre ministère (MEF)", Role.MINISTRY_OFFICER, "mx-ministere-mef", null, "MEF", null),
    FUNDER("financeur de l'appel", Role.FUNDER, "mx-financeur", null, null, Sirens.FUNDER),
    FUNDER_OTHER("autre financeur", Role.FUNDER, "mx-financeur-autre", null, null, Sirens.FUNDER_OTHER),
    APPLICANT("porteur de la candidature / de l'initiative", Role.APPLICANT, "mx-porteur", null, null,
            Sirens.APPLICANT),
    APPLICANT_OTHER("autre porteur", Role.APPLICANT, "mx-porteur-autre", null, null, Sirens.APPLICANT_OTHER),
    EVALUATOR("évaluateur désigné", Role.EVALUATOR, "mx-evaluateur", null, null, Sirens.EVALUATION_ORG),
    EVALUATOR_OTHER("évaluateur non désigné", Role.EVALUATOR, "mx-evaluateur-autre", null, null,
            Sirens.EVALUATION_ORG),
    AGENT("l'agent lui-même", Role.AGENT, "mx-agent", null, null, Sirens.EMPLOYER),
    AGENT_OTHER("un autre agent", Role.AGENT, "mx-agent-autre", null, null, Sirens.EMPLOYER_OTHER),
    EMPLOYER("employeur de l'agent", Role.HOST_MANAGER, "mx-employeur", null, null, Sirens.EMPLOYER),
    HOST("administration d'accueil de l'offre", Role.HOST_MANAGER, "mx-accueil", null, null, Sirens.HOST),
    HOST_OTHER("autre administration", Role.HOST_MANAGER, "mx-accueil-autre", null, null, Sirens.HOST_OTHER);

    private final String label;
    private final Role role;
    private final String subject;
    private final String region;
    private final String ministry;
    private final String siren;

    Caller(String label, Role role, String subject, String region, String ministry, String siren) {
        this.label = label;
        this.role = role;
        this.subject = subject;
        this.region = region;
        this.ministry = ministry;
        this.siren = siren;
    }

    /** French, for the generated table. */
    public String label() {
        return label;
    }

    /** Null for {@link #ANONYMOUS}. */
    public Role role() {
        return role;
    }

    public String subject() {
        return subject;
    }

    public String siren() {
        return siren;
    }

    /** The development issuer's parameters for this caller's token (role aside). */
    public Map<String, String> scope() {
        Map<String, String> scope = new LinkedHashMap<>();
        scope.put("subject", subject);
        if (region != null) {
            scope.put("region", region);
        }
        if (ministry != null) {
            scope.put("ministry", ministry);
        }
        if (siren != null) {
            scope.put("siren", siren);
        }
        return scope;
    }

    /** Role and scope as the generated table's legend shows them. */
    public String claims() {
        if (role == null) {
            return "aucun jeton";
        }
        StringBuilder s = new StringBuilder(role.name());
        if (region != null) {
            s.append(", region=").append(region);
        }
        if (ministry != null) {
            s.append(", ministry=").append(ministry);
        }
        if (siren != null) {
            s.append(", siren=").append(siren);
        }
        return s.append(", sub=").append(subject).toString();
    }

    /** SIRENs of the matrix's organisations (all pass the Luhn check). */
    static final class Sirens {
        static final String FUNDER = "130005481";
        static final String FUNDER_OTHER = "130025265";
        static final String APPLICANT = "213800006";
        static final String APPLICANT_OTHER = "200067106";
        static final String EVALUATION_ORG = "110044013";
        static final String EMPLOYER = "120000005";
        static final String EMPLOYER_OTHER = "110020013";
        static final String HOST = "180060006";
        static final String HOST_OTHER = "130026123";

        private Sirens() {
        }
    }
}
