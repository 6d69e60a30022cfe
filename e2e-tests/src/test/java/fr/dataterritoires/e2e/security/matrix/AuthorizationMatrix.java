package fr.dataterritoires.e2e.security.matrix;

import static fr.dataterritoires.e2e.security.matrix.Caller.AGENT;
import static fr.dataterritoires.e2e.security.matrix.Caller.AGENT_OTHER;
import static fr.dataterritoires.e2e.security.matrix.Caller.APPLICANT;
import static fr.dataterritoires.e2e.security.matrix.Caller.APPLICANT_OTHER;
import static fr.dataterritoires.e2e.security.matrix.Caller.COMMITTEE;
import static fr.dataterritoires.e2e.security.matrix.Caller.COORDINATOR;
import static fr.dataterritoires.e2e.security.matrix.Caller.EMPLOYER;
import static fr.dataterritoires.e2e.security.matrix.Caller.EVALUATOR;
import static fr.dataterritoires.e2e.security.matrix.Caller.EVALUATOR_OTHER;
import static fr.dataterritoires.e2e.security.matrix.Caller.FUNDER;
import static fr.dataterritoires.e2e.security.matrix.Caller.FUNDER_OTHER;
import static fr.dataterritoires.e2e.security.matrix.Caller.HOST;
import static fr.dataterritoires.e2e.security.matrix.Caller.HOST_OTHER;
import static fr.dataterritoires.e2e.security.matrix.Caller.MINISTRY;
import static fr.dataterritoires.e2e.security.matrix.Access.only;
import static fr.dataterritoires.e2e.security.matrix.Access.open;
import static fr.dataterritoires.e2e.security.matrix.Access.signedIn;
import static fr.dataterritoires.e2e.security.matrix.Access.visibleTo;

import fr.dataterritoires.platform.security.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may do what, endpoint by endpoint and caller by caller, in the five services: the declaration that
 * {@code docs/security.md} is generated from ({@link SecurityDocTest}), that every exposed endpoint and gRPC method
 * must appear in ({@link MatrixCompletenessTest}) and that the walk checks against the running suite
 * ({@link AuthorizationMatrixTest}).
 *
 * <p>It says what the code does (each service's {@code *ApiRules} at the security filter, then the ownership checks
 * of its use cases) and what the domain requires (DESIGN.md §1). The resources named by a path are the walk's: a
 * <b>draft</b> committee roadmap of région 84, a call of the funder <b>under evaluation</b> with an <b>eligible</b>
 * application of the applicant (and an award of the applicant with its tranches), a <b>published</b> host offer with the agent's
 * application and placement, an initiative led by the applicant and a replication it adopts, a <b>restricted</b>
 * dataset the applicant's organisation produces with the agent's access request, and so on ({@link MatrixFixtures}).
 */
public final class AuthorizationMatrix {

    public static final List<String> SERVICES = List.of("roadmaps", "commons-calls", "exchanges", "replication",
            "dataset-search");

    private static final Caller[] SIREN_ROLES = {FUNDER, FUNDER_OTHER, APPLICANT, APPLICANT_OTHER, AGENT,
            AGENT_OTHER, EMPLOYER, HOST, HOST_OTHER, EVALUATOR, EVALUATOR_OTHER};

    private final List<Entry> entries = new ArrayList<>();

    private AuthorizationMatrix() {
        roadmaps();
        commonsCalls();
        exchanges();
        replication();
        datasetSearch();
    }

    public static List<Entry> entries() {
        return Collections.unmodifiableList(new AuthorizationMatrix().entries);
    }

    public static List<Entry> of(String service) {
        return entries().stream().filter(e -> e.service().equals(service)).toList();
    }

    // ---- roadmaps ------------------------------------------------------------------------------------------------

    private void roadmaps() {
        String s = "roadmaps";
        String draft = "feuille de route non publiée : seuls son émetteur (le comité de sa région) et la coordination "
                + "nationale la voient, les autres reçoivent 404";
        String issuer = draft + " ; modifiée par eux seuls";
        String coordination = draft + " ; le comité la voit mais l'instruction (revue, arbitrage, publication) est "
                + "réservée à la coordination nationale";
        rest(s, "GET", "/api/governance/national-instance", signedIn().atFilter(), "toute personne connectée");
        rest(s, "GET", "/api/governance/committees", signedIn().atFilter(), "toute personne connectée");
        rest(s, "POST", "/api/governance/committees", only(COORDINATOR), "coordination nationale");
        rest(s, "GET", "/api/governance/bodies/{id}", signedIn().atFilter(), "toute personne connectée");
        rest(s, "PUT", "/api/governance/bodies/{id}", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/governance/bodies/{id}/members", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/governance/bodies/{id}/members/{membershipId}/departure", only(COORDINATOR),
                "coordination nationale");
        rest(s, "POST", "/api/priorities", only(COORDINATOR, COMMITTEE),
                "priorité régionale (région 84) : le comité de la région ou la coordination ; nationale : la "
                        + "coordination seule");
        rest(s, "GET", "/api/priorities", open().atFilter(), "public");
        rest(s, "POST", "/api/roadmaps/committee", only(COORDINATOR, COMMITTEE),
                "le comité de la région (84) ou la coordination nationale");
        rest(s, "POST", "/api/roadmaps/ministerial", only(COORDINATOR, MINISTRY),
                "le ministère (MTECT) ou la coordination nationale");
        rest(s, "GET", "/api/roadmaps", open(), "public ; chacun ne voit que les feuilles publiées et les siennes");
        rest(s, "GET", "/api/roadmaps/consolidation", open(), "public (scope=all : coordination nationale seule)");
        for (String read : List.of("/api/roadmaps/{id}", "/api/roadmaps/{id}/versions",
                "/api/roadmaps/{id}/versions/{number}", "/api/roadmaps/{id}/diff", "/api/roadmaps/{id}/financial-section",
                "/api/roadmaps/{id}/items/{itemId}/comments", "/api/roadmaps/{id}/items/export")) {
            rest(s, "GET", read, visibleTo(COORDINATOR, COMMITTEE), draft);
        }
        for (String[] write : new String[][] {{"PUT", "/api/roadmaps/{id}/title"}, {"POST", "/api/roadmaps/{id}/items"},
                {"PUT", "/api/roadmaps/{id}/items/{itemId}"}, {"POST", "/api/roadmaps/{id}/items/{itemId}/tracking"},
                {"POST", "/api/roadmaps/{id}/items/{itemId}/comments"}, {"POST", "/api/roadmaps/{id}/submission"},
                {"POST", "/api/roadmaps/{id}/reopening"}, {"POST", "/api/roadmaps/{id}/items/import"}}) {
            rest(s, write[0], write[1], visibleTo(COORDINATOR, COMMITTEE).anonymousUnauthenticated(), issuer);
        }
        destructive(s, "DELETE", "/api/roadmaps/{id}/items/{itemId}",
                visibleTo(COORDINATOR, COMMITTEE).anonymousUnauthenticated(), issuer);
        for (String step : List.of("review", "change-request", "arbitration", "publication")) {
            rest(s, "POST", "/api/roadmaps/{id}/" + step,
                    visibleTo(COORDINATOR).forbidden(COMMITTEE).anonymousUnauthenticated(), coordination);
        }
    }

    // ---- commons-calls -------------------------------------------------------------------------------------------

    private void commonsCalls() {
        String s = "commons-calls";
        String funder = "le financeur de l'appel (SIREN du financeur)";
        String lead = "le porteur chef de file de la candidature (rôle APPLICANT, son SIREN)";
        rest(s, "GET", "/api/funders", open().atFilter(), "public");
        rest(s, "GET", "/api/funders/{id}", open().atFilter(), "public");
        rest(s, "GET", "/api/funders/{id}/programmes", open().atFilter(), "public");
        rest(s, "POST", "/api/funders", only(COORDINATOR, FUNDER, FUNDER_OTHER),
                "un financeur pour son propre SIREN, ou la coordination nationale");
        rest(s, "POST", "/api/funders/{id}/programmes", only(COORDINATOR, FUNDER),
                "le financeur lui-même ou la coordination nationale");
        rest(s, "GET", "/api/calls", open(), "public ; un financeur voit aussi ses appels en brouillon");
        rest(s, "GET", "/api/calls/{id}", open(), "appel ouvert : public (en brouillon : son financeur seul)");
        rest(s, "GET", "/api/calls/{id}/decisions", open().atFilter(), "public (décisions publiées)");
        rest(s, "GET", "/api/calls/{id}/awards", open().atFilter(), "public (subventions publiées)");
        rest(s, "POST", "/api/calls", only(FUNDER), funder);
        for (String[] w : new String[][] {{"PUT", "/api/calls/{id}"}, {"POST", "/api/calls/{id}/evaluation"},
                {"POST", "/api/calls/{id}/decisions"}, {"GET", "/api/calls/{id}/applications"},
                {"GET", "/api/calls/{id}/ranking"}}) {
            rest(s, w[0], w[1], only(FUNDER), funder);
        }
        rest(s, "POST", "/api/calls/{id}/open", only(FUNDER), funder);
        destructive(s, "POST", "/api/calls/{id}/close", only(FUNDER), funder);
        rest(s, "POST", "/api/applications", only(APPLICANT), lead + " ; le SIREN du chef de file est celui du jeton");
        rest(s, "GET", "/api/applications", only(APPLICANT, APPLICANT_OTHER), "un porteur : ses propres candidatures");
        rest(s, "GET", "/api/applications/{id}", visibleTo(COORDINATOR, APPLICANT, FUNDER, EVALUATOR)
                        .anonymousUnauthenticated(),
                "le porteur, le financeur de l'appel, un évaluateur désigné, la coordination nationale ; les autres "
                        + "reçoivent 404");
        rest(s, "PUT", "/api/applications/{id}", only(APPLICANT), lead);
        rest(s, "POST", "/api/applications/{id}/submit", only(APPLICANT), lead);
        destructive(s, "POST", "/api/applications/{id}/withdraw", only(APPLICANT), lead);
        for (String[] w : new String[][] {{"POST", "/api/applications/{id}/eligibility"},
                {"POST", "/api/applications/{id}/assignments"}, {"GET", "/api/applications/{id}/assignments"},
                {"POST", "/api/applications/{id}/consensus"}, {"POST", "/api/applications/{id}/award"}}) {
            rest(s, w[0], w[1], only(FUNDER), funder);
        }
        rest(s, "POST", "/api/applications/{id}/conflict", only(EVALUATOR), "l'évaluateur désigné sur la candidature");
        rest(s, "POST", "/api/applications/{id}/review", only(EVALUATOR), "l'évaluateur désigné sur la candidature");
        rest(s, "GET", "/api/awards/{id}", open().atFilter(), "public");
        rest(s, "GET", "/api/awards/{id}/tranches/{trancheId}/reports", open().atFilter(), "public");
        rest(s, "POST", "/api/awards/{id}/agreement", only(FUNDER), funder);
        rest(s, "POST", "/api/awards/{id}/tranches/{trancheId}/payment", only(FUNDER), funder);
        rest(s, "POST", "/api/awards/{id}/tranches/{trancheId}/reports", only(APPLICANT), "le porteur lauréat");
        for (String p : List.of("/api/preciput/fund", "/api/preciput/journal", "/api/preciput/accounts",
                "/api/preciput/reports", "/api/preciput/transactions/{id}")) {
            rest(s, "GET", p, open().atFilter(), "public (le préciput est de l'argent public)");
        }
        rest(s, "POST", "/api/preciput/allocations", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/preciput/transactions/{id}/reversal", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/preciput/imports", only(COORDINATOR, FUNDER, FUNDER_OTHER),
                "un financeur pour ses programmes, ou la coordination nationale");
        rest(s, "GET", "/api/preciput/imports", only(COORDINATOR), "coordination nationale");
        rest(s, "GET", "/api/preciput/imports/{id}", only(COORDINATOR, FUNDER).hiddenFrom(FUNDER_OTHER),
                "le financeur qui a importé le fichier, ou la coordination nationale ; un autre financeur reçoit 404");
    }

    // ---- exchanges -----------------------------------------------------------------------------------------------

    private void exchanges() {
        String s = "exchanges";
        String parties = "les parties : l'agent, son employeur, l'administration d'accueil";
        String hostManagers = "un gestionnaire des échanges (rôle HOST_MANAGER) : ce qui concerne son administration";
        rest(s, "GET", "/api/offers", open(), "public (mine=true : l'administration d'accueil)");
        rest(s, "GET", "/api/offers/{id}", open(), "offre publiée : public (en brouillon : son administration seule)");
        rest(s, "POST", "/api/offers", only(HOST), "l'administration d'accueil, pour son propre SIREN");
        rest(s, "POST", "/api/offers/{id}/publication", only(HOST), "l'administration d'accueil de l'offre");
        destructive(s, "POST", "/api/offers/{id}/closure", only(HOST), "l'administration d'accueil de l'offre");
        rest(s, "POST", "/api/offers/{id}/applications", only(AGENT, AGENT_OTHER),
                "un agent public (rôle AGENT, SIREN de son employeur)");
        rest(s, "GET", "/api/offers/{id}/applications", only(HOST), "l'administration d'accueil de l'offre");
        rest(s, "GET", "/api/applications", only(EMPLOYER, HOST, HOST_OTHER), hostManagers);
        rest(s, "GET", "/api/applications/{id}", only(AGENT, EMPLOYER, HOST), parties);
        rest(s, "POST", "/api/applications/{id}/employer-decision", only(EMPLOYER), "l'employeur de l'agent");
        rest(s, "POST", "/api/applications/{id}/host-decision", only(HOST), "l'administration d'accueil de l'offre");
        destructive(s, "POST", "/api/applications/{id}/withdrawal", only(AGENT), "l'agent lui-même");
        rest(s, "GET", "/api/placements/{id}", only(AGENT, EMPLOYER, HOST), parties);
        rest(s, "POST", "/api/placements/{id}/agreement", only(AGENT, EMPLOYER, HOST), parties);
        rest(s, "POST", "/api/placements/{id}/agreement/acceptance", only(AGENT, EMPLOYER, HOST), parties);
        rest(s, "POST", "/api/placements/{id}/start", only(HOST), parties + " ; l'accueil seul démarre");
        rest(s, "POST", "/api/placements/{id}/report", only(AGENT), parties + " ; l'agent seul rend son rapport");
        rest(s, "POST", "/api/placements/{id}/feedback", only(HOST), parties + " ; l'accueil seul apprécie");
        rest(s, "POST", "/api/placements/{id}/completion", only(HOST), parties + " ; l'accueil seul clôt");
        destructive(s, "POST", "/api/placements/{id}/cancellation", only(AGENT, EMPLOYER, HOST), parties);
        rest(s, "GET", "/api/me/applications", only(AGENT, AGENT_OTHER), "un agent public : ses candidatures");
        for (String me : List.of("/api/me/placements", "/api/me/enrolments", "/api/me/personal-data")) {
            rest(s, "GET", me, signedIn().atFilter(), "toute personne connectée : ses propres données seulement");
        }
        destructive(s, "DELETE", "/api/me/personal-data", signedIn().atFilter(),
                "toute personne connectée : l'effacement de ses propres données");
        rest(s, "GET", "/api/statistics/reciprocity", open().atFilter(), "public (agrégats)");
        rest(s, "GET", "/api/statistics/reach", open().atFilter(), "public (agrégats)");
        rest(s, "GET", "/api/trainings", open().atFilter(), "public");
        rest(s, "GET", "/api/trainings/{id}", open().atFilter(), "public");
        rest(s, "POST", "/api/trainings", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/trainings/{id}/enrolments", only(AGENT, AGENT_OTHER),
                "un agent public s'inscrit lui-même (catégorie agent)");
        rest(s, "GET", "/api/trainings/enrolments/awaiting-consent", only(EMPLOYER, HOST, HOST_OTHER), hostManagers);
        rest(s, "POST", "/api/trainings/enrolments/{enrolmentId}/consent", only(EMPLOYER), "l'employeur de l'agent");
        rest(s, "POST", "/api/trainings/enrolments/{enrolmentId}/completion", only(COORDINATOR),
                "coordination nationale");
    }

    // ---- replication ---------------------------------------------------------------------------------------------

    private void replication() {
        String s = "replication";
        String lead = "le porteur de l'initiative (rôle APPLICANT, son SIREN) ou la coordination nationale";
        String adopter = "le territoire qui réplique (rôle APPLICANT, son SIREN) ou la coordination nationale";
        for (String p : List.of("/api/initiatives", "/api/initiatives/{id}", "/api/initiatives/{id}/reach",
                "/api/initiatives/{id}/replications", "/api/initiatives/{id}/supports", "/api/initiatives/suggestions",
                "/api/replications/{id}", "/api/programme/calls", "/api/programme/calls/{id}",
                "/api/programme/calls/{id}/candidacies", "/api/programme/cohorts/{id}")) {
            rest(s, "GET", p, open().atFilter(), "public (le registre est publié ; les notes du jury : coordination)");
        }
        rest(s, "POST", "/api/initiatives", only(COORDINATOR, APPLICANT), lead);
        rest(s, "PUT", "/api/initiatives/{id}", only(COORDINATOR, APPLICANT), lead);
        rest(s, "POST", "/api/initiatives/{id}/maturity", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/initiatives/{id}/supports", only(COORDINATOR, APPLICANT),
                "un accompagnement non financier : la structure qui le fournit (APPLICANT) ; un financement : la "
                        + "coordination nationale");
        rest(s, "POST", "/api/programme/calls", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/programme/calls/{id}/candidacies", only(COORDINATOR, APPLICANT), lead);
        rest(s, "PUT", "/api/programme/calls/{id}/candidacies/{candidacyId}/scores", only(EVALUATOR),
                "un membre du jury de l'appel (rôle EVALUATOR)");
        rest(s, "POST", "/api/programme/calls/{id}/selection", only(COORDINATOR), "coordination nationale");
        rest(s, "POST", "/api/replications", only(COORDINATOR, APPLICANT), adopter);
        for (String[] w : new String[][] {{"POST", "/api/replications/{id}/status"},
                {"PUT", "/api/replications/{id}/report"}, {"PUT", "/api/replications/{id}/based-on"}}) {
            rest(s, w[0], w[1], only(COORDINATOR, APPLICANT), adopter);
        }
        destructive(s, "POST", "/api/replications/{id}/abandon", only(COORDINATOR, APPLICANT), adopter);
        for (String m : List.of("GetInitiative", "FindInitiativeByAward", "ListInitiatives")) {
            grpc(s, "fr.dataterritoires.replication.v1.ReplicationRegistry/" + m, "public (registre publié)");
        }
    }

    // ---- dataset-search ------------------------------------------------------------------------------------------

    private void datasetSearch() {
        String s = "dataset-search";
        String coordinator = "coordination nationale (règle du filtre de sécurité)";
        for (String p : List.of("/api/datasets", "/api/datasets/suggestions", "/api/datasets/{id}",
                "/api/use-profiles", "/api/use-profiles/{id}", "/api/sources", "/api/sources/{id}",
                "/api/sources/{id}/runs", "/api/harvest-runs/{id}", "/catalog.ttl", "/catalog.jsonld", "/api/catalog",
                "/api/catalog/datasets/{id}", "/api/datasets/{id}.ttl", "/api/datasets/{id}.jsonld",
                "/api/datasets/{id}.rdf", "/api/demand/most-demanded", "/api/3/action/{action}")) {
            rest(s, "GET", p, open().atFilter(), "public (catalogue publié)");
        }
        rest(s, "POST", "/api/3/action/{action}", open().atFilter(), "public (API CKAN en lecture)");
        rest(s, "GET", "/api/harvest-runs/{id}/failures", only(COORDINATOR).atFilter(), coordinator
                + " : les enregistrements bruts peuvent contenir ce que le producteur ne publiait pas");
        rest(s, "POST", "/api/sources", only(COORDINATOR).atFilter(), coordinator);
        rest(s, "PUT", "/api/sources/{id}", only(COORDINATOR).atFilter(), coordinator);
        rest(s, "POST", "/api/sources/{id}/runs", only(COORDINATOR).atFilter(), coordinator);
        rest(s, "POST", "/api/index/rebuild", only(COORDINATOR).atFilter(), coordinator);
        rest(s, "GET", "/api/demand/unanswered-searches", only(COORDINATOR).atFilter(), coordinator);
        rest(s, "POST", "/api/access-requests", signedIn(), "toute personne connectée, pour un jeu non ouvert");
        rest(s, "GET", "/api/access-requests", signedIn(),
                "toute personne connectée : ses demandes ; view=producer : un rôle portant un SIREN (les demandes "
                        + "adressées à son organisation) ou la coordination");
        // the walk's request: the agent's, for a restricted dataset the applicant's organisation produces
        rest(s, "GET", "/api/access-requests/{id}", visibleTo(COORDINATOR, APPLICANT, AGENT)
                        .anonymousUnauthenticated(),
                "le demandeur, le producteur du jeu (un rôle portant son SIREN) et la coordination nationale ; les "
                        + "autres reçoivent 404 (l'existence de la demande n'est pas révélée)");
        String answer = "le producteur du jeu (un rôle portant son SIREN) ou la coordination nationale ; le demandeur "
                + "et les autres reçoivent 403";
        rest(s, "POST", "/api/access-requests/{id}/acknowledgement", only(COORDINATOR, APPLICANT), answer);
        rest(s, "POST", "/api/access-requests/{id}/grant", only(COORDINATOR, APPLICANT), answer);
        rest(s, "POST", "/api/access-requests/{id}/refusal", only(COORDINATOR, APPLICANT), answer);
        rest(s, "POST", "/api/access-requests/{id}/withdrawal", only(AGENT), "le demandeur seul");
        for (String m : List.of("ResolveDatasets", "GetDataset", "GetDatasets", "Search")) {
            grpc(s, "fr.dataterritoires.datasetsearch.v1.DatasetDirectory/" + m, "public (catalogue publié)");
        }
        for (String m : List.of("GetOrganisationFunding", "GetInitiativeFunding")) {
            grpc("commons-calls", "fr.dataterritoires.commonscalls.v1.CommonsFunding/" + m,
                    "public (subventions et allocations publiées)");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void rest(String service, String method, String path, Access access, String why) {
        entries.add(new Entry(service, method, path, access, why, false));
    }

    private void destructive(String service, String method, String path, Access access, String why) {
        entries.add(new Entry(service, method, path, access, why, true));
    }

    private void grpc(String service, String fullMethod, String why) {
        entries.add(new Entry(service, "GRPC", fullMethod, open().atFilter(), why, false));
    }

    private static Caller[] except(Caller[] all, Caller... removed) {
        Set<Caller> kept = new LinkedHashSet<>(Arrays.asList(all));
        kept.removeAll(Arrays.asList(removed));
        return kept.toArray(Caller[]::new);
    }

    /** For the legend: the roles the matrix's callers cover (every {@link Role}). */
    static Set<Role> rolesCovered() {
        Set<Role> roles = new LinkedHashSet<>();
        for (Caller c : Caller.values()) {
            if (c.role() != null) {
                roles.add(c.role());
            }
        }
        return roles;
    }
}
