package fr.dataterritoires.portal.integration;

import static fr.dataterritoires.portal.integration.PactClients.BEARER;
import static fr.dataterritoires.portal.integration.PactClients.INSTANT;
import static fr.dataterritoires.portal.integration.PactClients.JSON;
import static fr.dataterritoires.portal.integration.PactClients.TOKEN;
import static fr.dataterritoires.portal.integration.PactClients.UUID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import au.com.dius.pact.core.model.matchingrules.TypeMatcher;
import fr.dataterritoires.portal.application.FundingViews;
import fr.dataterritoires.portal.application.ImportViews;
import fr.dataterritoires.portal.domain.FormValues;
import fr.dataterritoires.testing.contracts.CommittedPacts;

/**
 * What the portal's funding pages need of commons-calls' REST API (docs/adr/0015-contract-tests.md): the applicant's
 * journey (the calls, a call, applying — the draft, then its submission —, their applications), the funder's decision
 * on an application's eligibility, and the préciput fund's public view. Each request is sent by the portal's real
 * client ({@link RestCallsAndAwards} on {@link ServiceClients}) to Pact's mock server and what the client makes of the
 * answer is asserted; the answers pin, by type or pattern, what the pages read and every member the portal's records
 * hold as primitives. Amounts are commons-calls' exact decimal strings. The pact is committed in libs/contracts/pacts
 * and verified by commons-calls against the real service.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "commons-calls", pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
class CommonsCallsPactTest {

    /** commons-calls' provider states (its verification creates what they say through its application layer). */
    static final String OPEN_CALL = "the demo funder has an open call for commons";
    static final String APPLICANT_SIGNED_IN = "the demo applicant is signed in";
    static final String DRAFT = "the applicant has drafted an application to the call";
    static final String SUBMITTED = "the applicant has submitted an application to the call";
    static final String UNDER_EVALUATION = "the call is closed and under evaluation";
    static final String FUNDER_SIGNED_IN = "the demo funder is signed in";
    static final String AWARDED = "the funder has awarded the application a grant";
    static final String AGREEMENT_SIGNED = "the grant's agreement is signed, in two tranches";
    static final String PROGRAMME = "the demo funder has an innovation programme at 3 %";
    static final String REJECTED_IMPORT = "a file of the demo funder was rejected for a line";
    static final String COORDINATOR_SIGNED_IN = "a national coordinator is signed in";

    private static final String CALL_ID = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
    private static final String FUNDER_ID = "1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e";
    private static final String APPLICATION_ID = "2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f";
    private static final String LEAD_SIREN = "213800006";
    private static final String AWARD_ID = "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b";
    private static final String TRANCHE_ID = "5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c";
    private static final String PROGRAMME_ID = "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d";
    private static final String IMPORT_ID = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";
    private static final String IMPORT_STATUS = "APPLIED|REJECTED";
    /** An amount as commons-calls writes it, a string (a JSON number would lose the cents' zeros). */
    private static final String AMOUNT = "-?\\d+\\.\\d{2}";
    private static final String CALL_STATUS = "DRAFT|OPEN|CLOSED|UNDER_EVALUATION|DECIDED";
    private static final String APPLICATION_STATUS = "DRAFT|SUBMITTED|ELIGIBLE|INELIGIBLE|AWARDED|WAITLISTED"
            + "|REJECTED|WITHDRAWN";

    @AfterEach
    void signOut() {
        PactClients.signOut();
    }

    // ---- calls --------------------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact calls(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL)
                .uponReceiving("the calls, for anyone, first page")
                .method("GET").path("/api/calls").query("limit=200&offset=0")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(CommonsCallsPactTest::call)).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "calls")
    void theCallsAreListed(MockServer server) {
        List<FundingViews.Call> calls = commonsCalls(server).calls();

        assertThat(calls).hasSize(1);
        assertCall(calls.getFirst());
    }

    @Pact(consumer = "portal")
    V4Pact aCall(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL)
                .uponReceiving("an open call's page")
                .method("GET").pathFromProviderState("/api/calls/${callId}", "/api/calls/" + CALL_ID)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(c -> {
                    call(c);
                    // what the application form offers and requires
                    c.minArrayLike("applicantTypes", 1, PactDslJsonRootValue.stringType("LOCAL_AUTHORITY"), 1);
                    c.minArrayLike("commonsKinds", 1, PactDslJsonRootValue.stringType("SOFTWARE"), 1);
                    c.minArrayLike("requiredDeclarations", 1, PactDslJsonRootValue.stringType("charte-ethique"), 1);
                    c.minArrayLike("criteria", 1, criterion -> {
                        criterion.stringType("code", "utilite");
                        criterion.stringType("label", "Utilité pour les territoires");
                        criterion.integerType("weight", 3);
                        criterion.integerType("maxScore", 10);
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "aCall")
    void aCallsPageShowsItsTerms(MockServer server) {
        FundingViews.Call call = commonsCalls(server).call(CALL_ID);

        assertCall(call);
        assertThat(call.requiredDeclarations()).containsExactly("charte-ethique");
        assertThat(call.criteria()).containsExactly(new FundingViews.Criterion("utilite",
                "Utilité pour les territoires", 3, 10));
    }

    // ---- the applicant's journey --------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact apply(PactDslWithProvider builder) {
        // the portal drafts the application, then submits it: two requests, each with its own states
        return builder.given(OPEN_CALL).given(APPLICANT_SIGNED_IN)
                .uponReceiving("an applicant drafts an application to an open call")
                .method("POST").path("/api/applications")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.valueFromProviderState("callId", "${callId}", CALL_ID);
                    body.array("consortium", members -> members.object(lead -> {
                        lead.stringValue("siren", LEAD_SIREN);
                        lead.stringValue("role", "LEAD");
                        lead.stringValue("name", "Département de l'Isère");
                        lead.stringValue("type", "LOCAL_AUTHORITY");
                    }));
                    body.object("commons", commons -> {
                        commons.stringValue("title", "Base adresse partagée");
                        commons.stringValue("kind", "SOFTWARE");
                        commons.stringValue("summary", "Un outil libre de gestion des adresses.");
                        commons.stringValue("licence", "EUPL-1.2");
                        commons.stringValue("repositoryUrl", "https://git.exemple.fr/adresses");
                    });
                    body.stringValue("requestedAmount", "100000.00");
                    body.array("budget", lines -> {
                        lines.object(line -> {
                            line.stringValue("label", "Développement");
                            line.stringValue("amount", "100000.00");
                        });
                        lines.object(line -> {
                            line.stringValue("label", "Animation de la communauté");
                            line.stringValue("amount", "50000.00");
                        });
                    });
                    body.stringValue("ethicsCharter", "Charte éthique des communs numériques");
                    body.array("labels", labels -> labels.stringValue("Numérique en commun(s)"));
                    body.stringValue("sustainabilityPlan", "Gouvernance partagée par une association des utilisateurs.");
                    body.stringValue("replicationConditions", "Documentation et accompagnement de deux territoires.");
                    body.array("territories", territories -> {
                        territories.stringValue("38");
                        territories.stringValue("38185");
                    });
                    body.array("declarations", declarations -> declarations.stringValue("charte-ethique"));
                }).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(a -> application(a, "DRAFT")).build())
                .given(OPEN_CALL).given(APPLICANT_SIGNED_IN).given(DRAFT)
                .uponReceiving("an applicant submits their draft application")
                .method("POST").pathFromProviderState("/api/applications/${applicationId}/submit",
                        "/api/applications/" + APPLICATION_ID + "/submit")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(a -> {
                    application(a, "SUBMITTED");
                    a.stringMatcher("submittedAt", INSTANT, "2026-11-30T09:00:00Z");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "apply")
    void anApplicantAppliesToACall(MockServer server) {
        PactClients.signIn();
        FormValues form = FormValues.of(Map.ofEntries(
                Map.entry("consortium[0].name", List.of("Département de l'Isère")),
                Map.entry("consortium[0].type", List.of("LOCAL_AUTHORITY")),
                Map.entry("commons.title", List.of("Base adresse partagée")),
                Map.entry("commons.kind", List.of("SOFTWARE")),
                Map.entry("commons.summary", List.of("Un outil libre de gestion des adresses.")),
                Map.entry("commons.licence", List.of("EUPL-1.2")),
                Map.entry("commons.repositoryUrl", List.of("https://git.exemple.fr/adresses")),
                Map.entry("requestedAmount", List.of("100000.00")),
                Map.entry("budget[0].label", List.of("Développement")),
                Map.entry("budget[0].amount", List.of("100000.00")),
                Map.entry("budget[1].label", List.of("Animation de la communauté")),
                Map.entry("budget[1].amount", List.of("50000.00")),
                Map.entry("ethicsCharter", List.of("Charte éthique des communs numériques")),
                Map.entry("labels", List.of("Numérique en commun(s)")),
                Map.entry("sustainabilityPlan", List.of("Gouvernance partagée par une association des utilisateurs.")),
                Map.entry("replicationConditions", List.of("Documentation et accompagnement de deux territoires.")),
                Map.entry("territories", List.of("38, 38185")),
                Map.entry("declarations", List.of("charte-ethique"))));

        FundingViews.Application application = commonsCalls(server).apply(CALL_ID, form, LEAD_SIREN);

        assertApplication(application);
        assertThat(application.status()).isEqualTo("SUBMITTED");
        assertThat(application.submittedAt()).isNotNull();
    }

    @Pact(consumer = "portal")
    V4Pact myApplications(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL).given(APPLICANT_SIGNED_IN).given(SUBMITTED)
                .uponReceiving("the signed-in applicant's applications")
                .method("GET").path("/api/applications")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(a -> application(a, "SUBMITTED")))
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "myApplications")
    void theApplicantsApplicationsAreListed(MockServer server) {
        PactClients.signIn();

        List<FundingViews.Application> applications = commonsCalls(server).myApplications();

        assertThat(applications).hasSize(1);
        assertApplication(applications.getFirst());
    }

    // ---- the funder's decision ----------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact eligibility(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL).given(SUBMITTED).given(UNDER_EVALUATION).given(FUNDER_SIGNED_IN)
                .uponReceiving("the funder finds an application eligible")
                .method("POST").pathFromProviderState("/api/applications/${applicationId}/eligibility",
                        "/api/applications/" + APPLICATION_ID + "/eligibility")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                // as the form posts it: the radio button's value, a string
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("eligible", "true");
                    body.stringValue("reason", "Toutes les règles de l'appel sont satisfaites.");
                }).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(a -> {
                    application(a, "ELIGIBLE");
                    a.stringType("eligibilityReason", "Toutes les règles de l'appel sont satisfaites.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "eligibility")
    void theFunderDecidesOnEligibility(MockServer server) {
        PactClients.signIn();
        FormValues form = FormValues.of(Map.of("eligible", List.of("true"),
                "reason", List.of("Toutes les règles de l'appel sont satisfaites.")));

        FundingViews.Application application = commonsCalls(server).decideEligibility(APPLICATION_ID, form);

        assertThat(application.status()).isEqualTo("ELIGIBLE");
        assertThat(application.eligibilityReason()).isEqualTo("Toutes les règles de l'appel sont satisfaites.");
    }

    // ---- the grant: agreement and tranches ----------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact anAward(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL).given(SUBMITTED).given(UNDER_EVALUATION).given(AWARDED)
                .uponReceiving("an award's page, for anyone")
                .method("GET").pathFromProviderState("/api/awards/${awardId}", "/api/awards/" + AWARD_ID)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // no agreement yet: no tranche
                .body(LambdaDsl.newJsonBody(a -> {
                    award(a, "0.00");
                    a.array("tranches", tranches -> {
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "anAward")
    void anAwardsPageShowsItsAmountAndFunder(MockServer server) {
        FundingViews.Award award = commonsCalls(server).award(AWARD_ID);

        assertAward(award);
        assertThat(award.tranches()).isEmpty();
    }

    @Pact(consumer = "portal")
    V4Pact agreement(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL).given(SUBMITTED).given(UNDER_EVALUATION).given(AWARDED).given(FUNDER_SIGNED_IN)
                .uponReceiving("the funder records the grant's agreement and its tranches")
                .method("POST").pathFromProviderState("/api/awards/${awardId}/agreement",
                        "/api/awards/" + AWARD_ID + "/agreement")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("signedOn", "2026-11-25");
                    body.stringValue("reference", "CONV-2026-042");
                    body.array("tranches", tranches -> {
                        tranches.object(t -> {
                            t.stringValue("kind", "PRE_FINANCING");
                            t.stringValue("amount", "30000.00");
                            t.stringValue("condition", "Signature de la convention");
                            t.stringValue("dueOn", "2026-12-15");
                        });
                        tranches.object(t -> {
                            t.stringValue("kind", "FINAL");
                            t.stringValue("amount", "70000.00");
                            t.stringValue("condition", "Rapport final remis");
                            t.stringValue("dueOn", "2027-12-15");
                        });
                    });
                }).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(a -> {
                    award(a, "0.00");
                    a.stringMatcher("agreementSignedOn", PactClients.DATE, "2026-11-25");
                    a.stringType("agreementReference", "CONV-2026-042");
                    a.minArrayLike("tranches", 2, t -> {
                        tranche(t);
                        t.stringMatcher("status", "PLANNED", "PLANNED");
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "agreement")
    void theFunderRecordsTheAgreement(MockServer server) {
        PactClients.signIn();
        FormValues form = FormValues.of(Map.of("signedOn", List.of("2026-11-25"), "reference", List.of("CONV-2026-042"),
                "tranches[0].kind", List.of("PRE_FINANCING"), "tranches[0].amount", List.of("30000.00"),
                "tranches[0].condition", List.of("Signature de la convention"),
                "tranches[0].dueOn", List.of("2026-12-15"),
                "tranches[1].kind", List.of("FINAL"), "tranches[1].amount", List.of("70000.00"),
                "tranches[1].condition", List.of("Rapport final remis"), "tranches[1].dueOn", List.of("2027-12-15")));

        FundingViews.Award award = commonsCalls(server).recordAgreement(AWARD_ID, form);

        assertAward(award);
        assertThat(award.agreementReference()).isEqualTo("CONV-2026-042");
        FundingViews.Tranche first = award.tranches().getFirst();
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.amount()).isEqualTo("30000.00");
        assertThat(first.status()).isEqualTo("PLANNED");
    }

    @Pact(consumer = "portal")
    V4Pact payment(PactDslWithProvider builder) {
        return builder.given(OPEN_CALL).given(SUBMITTED).given(UNDER_EVALUATION).given(AWARDED)
                .given(AGREEMENT_SIGNED).given(FUNDER_SIGNED_IN)
                .uponReceiving("the funder records a tranche's payment")
                .method("POST").pathFromProviderState("/api/awards/${awardId}/tranches/${trancheId}/payment",
                        "/api/awards/" + AWARD_ID + "/tranches/" + TRANCHE_ID + "/payment")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(body -> {
                    body.stringValue("paidOn", "2026-11-28");
                    body.stringValue("paymentReference", "VIR-2026-1187");
                }).build())
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(a -> {
                    award(a, "30000.00");
                    // the plan's two tranches in order: the pre-financing paid, the final one still planned
                    a.array("tranches", tranches -> {
                        tranches.object(t -> {
                            tranche(t);
                            t.stringMatcher("status", "PAID", "PAID");
                            amount(t, "paidAmount", "30000.00");
                            t.stringMatcher("paidOn", PactClients.DATE, "2026-11-28");
                        });
                        tranches.object(t -> {
                            tranche(t);
                            t.stringMatcher("status", "PLANNED", "PLANNED");
                        });
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "payment")
    void theFunderRecordsAPayment(MockServer server) {
        PactClients.signIn();
        FormValues form = FormValues.of(Map.of("paidOn", List.of("2026-11-28"),
                "paymentReference", List.of("VIR-2026-1187")));

        FundingViews.Award award = commonsCalls(server).recordPayment(AWARD_ID, TRANCHE_ID, form);

        assertThat(award.disbursed()).isEqualTo("30000.00");
        FundingViews.Tranche paid = award.tranches().getFirst();
        assertThat(paid.status()).isEqualTo("PAID");
        assertThat(paid.paidAmount()).isEqualTo("30000.00");
        assertThat(paid.paidOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 28));
    }

    // ---- the préciput's imports -----------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact importALevyFile(PactDslWithProvider builder) {
        return builder.given(PROGRAMME).given(FUNDER_SIGNED_IN)
                .uponReceiving("a funder imports a file of funded innovation projects")
                .method("POST").path("/api/preciput/imports").query("fileName=projets.json")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                // the file as uploaded (JSON here, its project and programme given by the state)
                .body(LambdaDsl.newJsonBody(file -> file.array("levies", levies -> levies.object(levy -> {
                    levy.valueFromProviderState("projectReference", "${projectReference}", "ADEME-2026-001");
                    levy.valueFromProviderState("programmeId", "${programmeId}", PROGRAMME_ID);
                    levy.stringValue("projectFunding", "100000.00");
                }))).build())
                .willRespondWith().status(201).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(i -> {
                    preciputImport(i, "APPLIED");
                    i.integerType("levied", 1);
                    amount(i, "totalLevied", "3000.00");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "importALevyFile")
    void aFunderImportsALevyFile(MockServer server) {
        PactClients.signIn();
        String file = "{\"levies\": [{\"projectReference\": \"ADEME-2026-001\", \"programmeId\": \"" + PROGRAMME_ID
                + "\", \"projectFunding\": \"100000.00\"}]}";

        ImportViews.PreciputImport imported = imports(server).importPreciput("projets.json",
                file.getBytes(StandardCharsets.UTF_8));

        assertThat(imported.isApplied()).isTrue();
        assertThat(imported.levied()).isEqualTo(1);
        assertThat(imported.totalLevied()).isEqualTo("3000.00");
        assertThat(imported.alreadyImported()).isFalse();
    }

    @Pact(consumer = "portal")
    V4Pact rejectALevyFile(PactDslWithProvider builder) {
        // refused for a line: the problem names the import commons-calls recorded, which the portal then reads
        return builder.given(PROGRAMME).given(FUNDER_SIGNED_IN)
                .uponReceiving("a funder imports a file with a line naming no programme")
                .method("POST").path("/api/preciput/imports").query("fileName=projets.json")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(file -> file.array("levies", levies -> levies.object(levy -> {
                    levy.valueFromProviderState("projectReference", "${projectReference}", "ADEME-2026-001");
                    levy.stringValue("programmeId", "pas-un-uuid");
                    levy.stringValue("projectFunding", "100000.00");
                }))).build())
                .willRespondWith().status(422).matchHeader("Content-Type", PactClients.PROBLEM,
                        "application/problem+json")
                .body(LambdaDsl.newJsonBody(problem -> problem.stringMatcher("importId", UUID, IMPORT_ID)).build())
                .given(REJECTED_IMPORT).given(FUNDER_SIGNED_IN)
                .uponReceiving("a funder reads their rejected import and its line errors")
                .method("GET").pathFromProviderState("/api/preciput/imports/${importId}",
                        "/api/preciput/imports/" + IMPORT_ID)
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonBody(i -> {
                    preciputImport(i, "REJECTED");
                    i.minArrayLike("errors", 1, e -> {
                        e.integerType("line", 1);
                        e.stringValue("field", "programmeId");
                        e.stringType("message", "identifiant de programme invalide");
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "rejectALevyFile")
    void aRejectedFileShowsItsLineErrors(MockServer server) {
        PactClients.signIn();
        String file = "{\"levies\": [{\"projectReference\": \"ADEME-2026-001\", \"programmeId\": \"pas-un-uuid\", "
                + "\"projectFunding\": \"100000.00\"}]}";

        ImportViews.PreciputImport rejected = imports(server).importPreciput("projets.json",
                file.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected.id()).isEqualTo(IMPORT_ID);
        assertThat(rejected.isApplied()).isFalse();
        ImportViews.LineError error = rejected.errors().getFirst();
        assertThat(error.field()).isEqualTo("programmeId");
        assertThat(error.where()).isEqualTo("Ligne 1");
    }

    @Pact(consumer = "portal")
    V4Pact latestImports(PactDslWithProvider builder) {
        return builder.given(PROGRAMME).given(REJECTED_IMPORT).given(COORDINATOR_SIGNED_IN)
                .uponReceiving("a coordinator lists the latest préciput imports")
                .method("GET").path("/api/preciput/imports")
                .matchHeader("Authorization", BEARER, "Bearer " + TOKEN)
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                .body(LambdaDsl.newJsonArrayMinLike(1, array -> array.object(i -> preciputImport(i, "REJECTED")))
                        .build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "latestImports")
    void theLatestImportsAreListed(MockServer server) {
        PactClients.signIn();

        List<ImportViews.PreciputImport> latest = imports(server).preciputImports();

        assertThat(latest).extracting(ImportViews.PreciputImport::id).containsExactly(IMPORT_ID);
        assertThat(latest.getFirst().fileName()).isEqualTo("projets.json");
    }

    // ---- the préciput fund --------------------------------------------------------------------------------------

    @Pact(consumer = "portal")
    V4Pact preciputFund(PactDslWithProvider builder) {
        return builder.uponReceiving("the préciput fund's public view")
                .method("GET").path("/api/preciput/fund")
                .willRespondWith().status(200).matchHeader("Content-Type", JSON, "application/json")
                // the years and the latest transactions may be none yet; each one has what the page reads
                .body(LambdaDsl.newJsonBody(fund -> {
                    amount(fund, "balance", "42000.00");
                    fund.stringValue("currency", "EUR");
                    amount(fund, "totalLevied", "50000.00");
                    amount(fund, "totalAllocated", "8000.00");
                    amount(fund, "totalReversed", "0.00");
                    fund.eachLike("byYear", line -> {
                        line.stringType("key", "2026");
                        line.stringType("label", "2026");
                        amount(line, "inflows", "50000.00");
                        amount(line, "outflows", "8000.00");
                        amount(line, "net", "42000.00");
                    });
                    fund.eachLike("latest", t -> {
                        t.stringMatcher("id", UUID, "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a");
                        t.integerType("seq", 1);
                        t.stringType("kind", "LEVY");
                        amount(t, "amount", "50000.00");
                        t.integerType("year", 2026);
                        t.stringMatcher("occurredAt", INSTANT, "2026-11-30T09:00:00Z");
                        t.booleanType("reversed", false);
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "preciputFund")
    void theFundIsPublic(MockServer server) {
        FundingViews.Fund fund = commonsCalls(server).preciputFund();

        assertThat(fund.balance()).isEqualTo("42000.00");
        assertThat(fund.currency()).isEqualTo("EUR");
        assertThat(fund.byYear()).extracting(FundingViews.ReportLine::net).containsExactly("42000.00");
        FundingViews.Transaction levy = fund.latest().getFirst();
        assertThat(levy.seq()).isEqualTo(1);
        assertThat(levy.year()).isEqualTo(2026);
        assertThat(levy.reversed()).isFalse();
    }

    // ---- shapes -------------------------------------------------------------------------------------------------

    /** A call as the list and its page read it; every primitive of the portal's record. */
    private static void call(LambdaDslObject c) {
        c.stringMatcher("id", UUID, CALL_ID);
        c.stringMatcher("funderId", UUID, FUNDER_ID);
        c.stringMatcher("kind", "COMMONS|INNOVATION", "COMMONS");
        c.stringType("title", "Appel à communs de la donnée territoriale");
        amount(c, "budget", "900000.00");
        amount(c, "maxGrant", "200000.00");
        amount(c, "remainingBudget", "900000.00");
        c.stringMatcher("opensAt", INSTANT, "2026-11-01T00:00:00Z");
        c.stringMatcher("closesAt", INSTANT, "2027-01-31T22:59:59Z");
        c.integerType("minConsortiumSize", 1);
        c.integerType("reviewsPerApplication", 1);
        c.stringMatcher("status", CALL_STATUS, "OPEN");
        c.integerType("version", 2);
    }

    private static void assertCall(FundingViews.Call call) {
        assertThat(call.id()).isEqualTo(CALL_ID);
        assertThat(call.title()).isEqualTo("Appel à communs de la donnée territoriale");
        assertThat(call.isOpen()).isTrue();
        assertThat(call.budget()).isEqualTo("900000.00");
        assertThat(call.closesAt()).isAfter(call.opensAt());
    }

    /** An application as the applicant's pages and the call's file read it; every primitive of the record. */
    private static void application(LambdaDslObject a, String status) {
        a.stringMatcher("id", UUID, APPLICATION_ID);
        a.stringMatcher("callId", UUID, CALL_ID);
        a.stringMatcher("status", APPLICATION_STATUS, status);
        a.object("proposal", proposal -> {
            proposal.minArrayLike("consortium", 1, member -> {
                member.and("siren", LEAD_SIREN, TypeMatcher.INSTANCE, new RegexMatcher("\\d{9}"));
                member.stringType("name", "Département de l'Isère");
                member.stringMatcher("role", "LEAD|MEMBER", "LEAD");
            });
            proposal.object("commons", commons -> commons.stringType("title", "Base adresse partagée"));
        });
        amount(a, "requestedAmount", "100000.00");
        amount(a, "totalCost", "150000.00");
        a.integerType("version", 1);
        a.stringMatcher("createdAt", INSTANT, "2026-11-30T08:55:00Z");
    }

    private static void assertApplication(FundingViews.Application application) {
        assertThat(application.id()).isEqualTo(APPLICATION_ID);
        assertThat(application.callId()).isEqualTo(CALL_ID);
        assertThat(application.proposal().commons().title()).isEqualTo("Base adresse partagée");
        assertThat(application.proposal().consortium().getFirst().siren()).isEqualTo(LEAD_SIREN);
        assertThat(application.requestedAmount()).isEqualTo("100000.00");
        assertThat(application.totalCost()).isEqualTo("150000.00");
    }

    /** An award as its page reads it (its tranches aside). */
    private static void award(LambdaDslObject a, String disbursed) {
        a.stringMatcher("id", UUID, AWARD_ID);
        a.stringMatcher("applicationId", UUID, APPLICATION_ID);
        a.stringMatcher("callId", UUID, CALL_ID);
        a.stringType("callTitle", "Appel à communs de la donnée territoriale");
        a.and("funderSiren", "130005481", TypeMatcher.INSTANCE, new RegexMatcher("\\d{9}"));
        a.stringType("funderName", "Financeur de démonstration");
        a.and("leadSiren", LEAD_SIREN, TypeMatcher.INSTANCE, new RegexMatcher("\\d{9}"));
        a.stringType("commonsTitle", "Base adresse partagée");
        amount(a, "amount", "100000.00");
        amount(a, "disbursed", disbursed);
        a.stringType("reason", "Projet retenu par le comité.");
        a.stringMatcher("grantedAt", INSTANT, "2026-11-20T10:00:00Z");
    }

    /** A tranche as the award's table reads it (its status aside). */
    private static void tranche(LambdaDslObject t) {
        t.stringMatcher("id", UUID, TRANCHE_ID);
        t.integerType("position", 1);
        t.stringMatcher("kind", "PRE_FINANCING|MILESTONE|FINAL", "PRE_FINANCING");
        amount(t, "amount", "30000.00");
        t.integerType("reports", 0);
    }

    private static void assertAward(FundingViews.Award award) {
        assertThat(award.id()).isEqualTo(AWARD_ID);
        assertThat(award.applicationId()).isEqualTo(APPLICATION_ID);
        assertThat(award.funderName()).isEqualTo("Financeur de démonstration");
        assertThat(award.commonsTitle()).isEqualTo("Base adresse partagée");
        assertThat(award.amount()).isEqualTo("100000.00");
    }

    /** An import as the import pages read it; every primitive of the portal's record. */
    private static void preciputImport(LambdaDslObject i, String status) {
        i.stringMatcher("id", UUID, IMPORT_ID);
        i.stringType("fileName", "projets.json");
        i.stringMatcher("status", IMPORT_STATUS, status);
        i.integerType("lineCount", 1);
        i.integerType("levied", 0);
        i.integerType("duplicates", 0);
        i.booleanType("alreadyImported", false);
        i.stringMatcher("importedAt", INSTANT, "2026-11-30T09:00:00Z");
    }

    /** An amount: a string (by type: a regex alone would accept a JSON number) of euros and cents. */
    private static void amount(LambdaDslObject o, String name, String example) {
        o.and(name, example, TypeMatcher.INSTANCE, new RegexMatcher(AMOUNT));
    }

    /** The portal's real import client, on commons-calls. */
    private static RestFileImports imports(MockServer server) {
        return new RestFileImports(PactClients.on(server, RestFileImports.COMMONS_CALLS));
    }

    /** The portal's real client on the mock server as commons-calls' base URL. */
    private static RestCallsAndAwards commonsCalls(MockServer server) {
        return new RestCallsAndAwards(PactClients.on(server, RestCallsAndAwards.SERVICE));
    }
}
