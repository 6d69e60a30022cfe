package fr.dataterritoires.commonscalls.contracts.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import fr.dataterritoires.commonscalls.application.ApplicationService;
import fr.dataterritoires.commonscalls.application.CallService;
import fr.dataterritoires.commonscalls.application.EvaluationService;
import fr.dataterritoires.commonscalls.application.FunderService;
import fr.dataterritoires.commonscalls.application.GrantService;
import fr.dataterritoires.commonscalls.application.PreciputImportService;
import fr.dataterritoires.commonscalls.domain.ApplicantType;
import fr.dataterritoires.commonscalls.domain.Call;
import fr.dataterritoires.commonscalls.domain.CallKind;
import fr.dataterritoires.commonscalls.domain.CommonsKind;
import fr.dataterritoires.commonscalls.domain.ConsortiumMember;
import fr.dataterritoires.commonscalls.domain.Criterion;
import fr.dataterritoires.commonscalls.domain.Funder;
import fr.dataterritoires.commonscalls.domain.Proposal;
import fr.dataterritoires.commonscalls.domain.Tranche;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.platform.security.DtPrincipal;
import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevTokenRequest;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.platform.testsupport.TestIssuer;
import fr.dataterritoires.territory.Siren;
import fr.dataterritoires.testing.contracts.HttpPactVerification;

/**
 * commons-calls honours the portal's HTTP pact (libs/contracts/pacts/portal-commons-calls.json,
 * docs/adr/0015-contract-tests.md): each interaction is replayed against the whole service on real PostgreSQL and
 * RabbitMQ. The provider states create their data through the application layer, as the demo funder and the demo
 * applicant: a call of its own per interaction ({@link CallService}, opened), an application to it
 * ({@link ApplicationService}), drafted, submitted, the call then closed and under evaluation, the application found
 * eligible and awarded ({@link EvaluationService}), the grant's agreement signed ({@link GrantService}); a programme
 * of its own and a project reference never levied per import, a rejected file imported by
 * {@link PreciputImportService}.
 * {@code contracts.breakage.BrokenAnswersFailVerificationTest} shows that an answer breaking the pact fails this
 * verification.
 */
@ServiceTest
@Provider("commons-calls")
public class PortalPactVerificationTest extends HttpPactVerification {

    static final DevTokenRequest FUNDER = DevUsers.demo(Role.FUNDER);
    static final DevTokenRequest APPLICANT = DevUsers.demo(Role.APPLICANT);

    @LocalServerPort
    int port;
    @Autowired
    FunderService funders;
    @Autowired
    CallService calls;
    @Autowired
    ApplicationService applications;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    GrantService grants;
    @Autowired
    PreciputImportService imports;

    /** The interaction's call and application, set by its states in the order the interaction gives them. */
    private UUID call;
    private UUID application;
    private UUID award;

    @Override
    protected int port() {
        return port;
    }

    @State("the demo funder has an open call for commons")
    public Map<String, Object> openCall() {
        Funder funder = demoFunder();
        Call draft = calls.create(principal(FUNDER), funder.id(), new Call.Terms(CallKind.COMMONS, null,
                "Appel à communs de la donnée territoriale", "Financer des communs numériques réutilisables.",
                new BigDecimal("900000.00"), new BigDecimal("200000.00"), new BigDecimal("20000.00"),
                new BigDecimal("0.8"), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS),
                LocalDate.now().plusDays(60), Set.of(ApplicantType.LOCAL_AUTHORITY), 1, List.of(),
                Set.of(CommonsKind.SOFTWARE), List.of("charte-ethique"), 1,
                List.of(new Criterion("utilite", "Utilité pour les territoires", 3, 10))));
        call = calls.open(principal(FUNDER), draft.id()).id();
        return Map.of("callId", call.toString());
    }

    @State("the demo applicant is signed in")
    public void applicantSignedIn() {
        signIn(TestIssuer.token(APPLICANT));
    }

    @State("the demo funder is signed in")
    public void funderSignedIn() {
        signIn(TestIssuer.token(FUNDER));
    }

    @State("the applicant has drafted an application to the call")
    public Map<String, Object> drafted() {
        application = applications.create(principal(APPLICANT), call, proposal()).id();
        return Map.of("applicationId", application.toString());
    }

    @State("the applicant has submitted an application to the call")
    public Map<String, Object> submitted() {
        Map<String, Object> ids = drafted();
        applications.submit(principal(APPLICANT), application);
        return ids;
    }

    @State("the call is closed and under evaluation")
    public void underEvaluation() {
        calls.close(principal(FUNDER), call);
        calls.startEvaluation(principal(FUNDER), call);
    }

    @State("the funder has awarded the application a grant")
    public Map<String, Object> awarded() {
        applications.decideEligibility(principal(FUNDER), application, true,
                "Toutes les règles de l'appel sont satisfaites.");
        award = evaluation.award(principal(FUNDER), application, new BigDecimal("100000.00"),
                "Projet retenu par le comité.").id();
        return Map.of("awardId", award.toString());
    }

    @State("the grant's agreement is signed, in two tranches")
    public Map<String, Object> agreementSigned() {
        GrantService.AwardView signed = grants.agreement(principal(FUNDER), award, LocalDate.now(), "CONV-2026-042",
                List.of(new Tranche.Planned(Tranche.Kind.PRE_FINANCING, new BigDecimal("30000.00"),
                                "Signature de la convention",
                                LocalDate.now().plusDays(15)),
                        new Tranche.Planned(Tranche.Kind.FINAL, new BigDecimal("70000.00"), "Rapport final remis",
                                LocalDate.now().plusYears(1))));
        return Map.of("awardId", award.toString(), "trancheId", signed.tranches().getFirst().id().toString());
    }

    @State("a national coordinator is signed in")
    public void coordinatorSignedIn() {
        signIn(TestIssuer.token(Role.NATIONAL_COORDINATOR));
    }

    @State("the demo funder has an innovation programme at 3 %")
    public Map<String, Object> programme() {
        UUID programme = funders.addProgramme(principal(FUNDER), demoFunder().id(), "Programme du contrat "
                + UUID.randomUUID(), new BigDecimal("0.03")).id();
        return Map.of("programmeId", programme.toString(), "projectReference", "PACTE-" + UUID.randomUUID());
    }

    @State("a file of the demo funder was rejected for a line")
    public Map<String, Object> rejectedImport() {
        // a reference never sent: the same file again would be the same import
        String file = "{\"levies\": [{\"projectReference\": \"PACTE-" + UUID.randomUUID() + "\", "
                + "\"programmeId\": \"pas-un-uuid\", \"projectFunding\": \"100000.00\"}]}";
        PreciputImportService.Result result = imports.importByApi(principal(FUNDER), "projets.json",
                file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "JSON");
        if (!result.rejected()) {
            throw new AssertionError("the file naming no programme was not rejected");
        }
        return Map.of("importId", result.record().id().toString());
    }

    /** The demo funder, registered the first time. */
    private Funder demoFunder() {
        return funders.list(new Siren(FUNDER.siren()), 1, 0).stream().findFirst()
                .orElseGet(() -> funders.register(principal(FUNDER), FUNDER.siren(), "Financeur de démonstration"));
    }

    /** The application the portal's form sends, as the domain has it. */
    private static Proposal proposal() {
        return new Proposal(List.of(new ConsortiumMember(new Siren(APPLICANT.siren()), "Département de l'Isère",
                ApplicantType.LOCAL_AUTHORITY, ConsortiumMember.Role.LEAD)),
                new Proposal.Commons("Base adresse partagée", CommonsKind.SOFTWARE,
                        "Un outil libre de gestion des adresses.", "EUPL-1.2", "https://git.exemple.fr/adresses",
                        List.of()),
                new BigDecimal("100000.00"), List.of(new Proposal.BudgetLine("Développement",
                        new BigDecimal("100000.00")), new Proposal.BudgetLine("Animation de la communauté",
                        new BigDecimal("50000.00"))), "Charte éthique des communs numériques",
                List.of("Numérique en commun(s)"), "Gouvernance partagée par une association des utilisateurs.",
                "Documentation et accompagnement de deux territoires.", List.of("38", "38185"),
                List.of("charte-ethique"), null);
    }

    private static DtPrincipal principal(DevTokenRequest user) {
        return new DtPrincipal(user.subject(), user.name(), user.roles(), user.region(), user.ministry(), user.siren());
    }
}
