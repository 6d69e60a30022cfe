package fr.dataterritoires.portal.integration;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import fr.dataterritoires.portal.application.CallsAndAwards;
import fr.dataterritoires.portal.application.FundingViews.Application;
import fr.dataterritoires.portal.application.FundingViews.Assignment;
import fr.dataterritoires.portal.application.FundingViews.Award;
import fr.dataterritoires.portal.application.FundingViews.Call;
import fr.dataterritoires.portal.application.FundingViews.CallFile;
import fr.dataterritoires.portal.application.FundingViews.Decision;
import fr.dataterritoires.portal.application.FundingViews.Fund;
import fr.dataterritoires.portal.application.FundingViews.Funder;
import fr.dataterritoires.portal.application.FundingViews.Programme;
import fr.dataterritoires.portal.application.FundingViews.Ranked;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.FormValues;
import fr.dataterritoires.portal.domain.FrenchNumbers;

/**
 * {@link CallsAndAwards} on commons-calls' REST API ({@code /calls}, {@code /applications}, {@code /awards},
 * {@code /funders}, {@code /preciput}; relative to the API's root, the service's {@code /api} or the gateway's
 * {@code /api/commons-calls}).
 */
@Component
public class RestCallsAndAwards implements CallsAndAwards {

    static final String SERVICE = "commons-calls";

    /** commons-calls' largest page of calls and funders. */
    static final int PAGE = 200;

    private final ServiceClients clients;

    public RestCallsAndAwards(ServiceClients clients) {
        this.clients = clients;
    }

    @Override
    public List<Call> calls() {
        return EveryPage.read(PAGE, (limit, offset) -> call(c -> c.get()
                .uri(u -> u.path("/calls").queryParam("limit", limit).queryParam("offset", offset).build())
                .retrieve().body(new ParameterizedTypeReference<List<Call>>() {
                })));
    }

    @Override
    public Call call(String id) {
        return call(c -> c.get().uri("/calls/{id}", id).retrieve().body(Call.class));
    }

    @Override
    public List<Decision> decisions(String callId) {
        Call call = call(callId);
        if (!"DECIDED".equals(call.status())) {
            return List.of();
        }
        return call(c -> c.get().uri("/calls/{id}/decisions", callId).retrieve()
                .body(new ParameterizedTypeReference<List<Decision>>() {
                }));
    }

    @Override
    public List<Award> awardsOf(String callId) {
        return call(c -> c.get().uri("/calls/{id}/awards", callId).retrieve()
                .body(new ParameterizedTypeReference<List<Award>>() {
                }));
    }

    @Override
    public Fund preciputFund() {
        return call(c -> c.get().uri("/preciput/fund").retrieve().body(Fund.class));
    }

    @Override
    public Application apply(String callId, FormValues form, String leadSiren) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callId", callId);
        List<Map<String, Object>> consortium = new java.util.ArrayList<>();
        consortium.add(new LinkedHashMap<>(Map.of("siren", leadSiren == null ? "" : leadSiren, "role", "LEAD")));
        consortium.getFirst().put("name", form.value("consortium[0].name"));
        consortium.getFirst().put("type", form.value("consortium[0].type"));
        for (int i = 1; i < MEMBERS; i++) {
            String at = "consortium[" + i + "].";
            if (form.has(at + "siren") || form.has(at + "name")) {
                Map<String, Object> member = FormBodies.row(form, at, "siren", "name", "type");
                member.put("role", "MEMBER");
                consortium.add(member);
            }
        }
        body.put("consortium", consortium);
        body.put("commons", FormBodies.row(form, "commons.", "title", "kind", "summary", "licence", "repositoryUrl"));
        body.put("requestedAmount", form.value("requestedAmount"));
        body.put("budget", FormBodies.rows(form, "budget", BUDGET_LINES, "label",
                at -> FormBodies.row(form, at, "label", "amount")));
        body.put("ethicsCharter", form.value("ethicsCharter"));
        body.put("labels", form.values("labels"));
        body.put("sustainabilityPlan", form.value("sustainabilityPlan"));
        body.put("replicationConditions", form.value("replicationConditions"));
        body.put("territories", form.items("territories"));
        body.put("declarations", form.values("declarations"));
        Application draft = call(c -> c.post().uri("/applications").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Application.class));
        return call(c -> c.post().uri("/applications/{id}/submit", draft.id()).retrieve().body(Application.class));
    }

    @Override
    public List<Application> myApplications() {
        return get("/applications", new ParameterizedTypeReference<>() {
        });
    }

    @Override
    public Application application(String id) {
        return call(c -> c.get().uri("/applications/{id}", id).retrieve().body(Application.class));
    }

    @Override
    public List<Funder> funders() {
        return EveryPage.read(PAGE, (limit, offset) -> call(c -> c.get()
                .uri(u -> u.path("/funders").queryParam("limit", limit).queryParam("offset", offset).build())
                .retrieve().body(new ParameterizedTypeReference<List<Funder>>() {
                })));
    }

    /** Asked by SIREN: the service answers that funder alone, whatever the number of funders. */
    @Override
    public Optional<Funder> funderOf(String siren) {
        if (siren == null) {
            return Optional.empty();
        }
        List<Funder> found;
        try {
            found = call(c -> c.get().uri(u -> u.path("/funders").queryParam("siren", siren).build())
                    .retrieve().body(new ParameterizedTypeReference<List<Funder>>() {
                    }));
        } catch (ServiceRefusal refused) {
            if (refused.status() == 400) {
                return Optional.empty(); // not a SIREN: no funder has it
            }
            throw refused;
        }
        return found == null ? Optional.empty() : found.stream().filter(f -> siren.equals(f.siren())).findFirst();
    }

    @Override
    public Funder registerFunder(String siren, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siren", siren);
        body.put("name", name);
        return post("/funders", body, Funder.class);
    }

    @Override
    public List<Programme> programmes(String funderId) {
        return call(c -> c.get().uri("/funders/{id}/programmes", funderId).retrieve()
                .body(new ParameterizedTypeReference<List<Programme>>() {
                }));
    }

    @Override
    public Call createCall(String funderId, FormValues form) {
        Map<String, Object> body = FormBodies.fields(form, "kind", "programmeId", "title", "description", "budget",
                "maxGrant", "minGrant", "coFundingRate", "decisionDate", "minConsortiumSize",
                "reviewsPerApplication");
        body.put("funderId", funderId);
        body.put("opensAt", FormBodies.instant(form.value("opensAt"), false));
        body.put("closesAt", FormBodies.instant(form.value("closesAt"), true));
        body.put("applicantTypes", form.values("applicantTypes"));
        body.put("commonsKinds", form.values("commonsKinds"));
        body.put("territorialScope", form.items("territorialScope"));
        body.put("requiredDeclarations", form.items("requiredDeclarations"));
        body.put("criteria", FormBodies.rows(form, "criteria", CRITERIA, "code",
                at -> FormBodies.row(form, at, "code", "label", "weight", "maxScore")));
        return post("/calls", body, Call.class);
    }

    @Override
    public Call moveCall(String callId, String step) {
        if (!List.of("open", "close", "evaluation").contains(step)) {
            throw new ServiceRefusal(400, "Étape inconnue", "Étape de l'appel inconnue : " + step, Map.of());
        }
        return call(c -> c.post().uri("/calls/{id}/" + step, callId).retrieve().body(Call.class));
    }

    @Override
    public CallFile callFile(String callId) {
        Call call = call(callId);
        List<Application> applications = call(c -> c.get().uri("/calls/{id}/applications", callId).retrieve()
                .body(new ParameterizedTypeReference<List<Application>>() {
                }));
        Map<String, List<Assignment>> assignments = new LinkedHashMap<>();
        boolean evaluating = List.of("CLOSED", "UNDER_EVALUATION", "DECIDED").contains(call.status());
        if (evaluating) {
            applications.stream().filter(a -> !List.of("SUBMITTED", "INELIGIBLE", "WITHDRAWN", "DRAFT")
                    .contains(a.status())).forEach(a -> assignments.put(a.id(), call(c -> c.get()
                    .uri("/applications/{id}/assignments", a.id()).retrieve()
                    .body(new ParameterizedTypeReference<List<Assignment>>() {
                    }))));
        }
        List<Ranked> ranking = List.of("UNDER_EVALUATION", "DECIDED").contains(call.status())
                ? call(c -> c.get().uri("/calls/{id}/ranking", callId).retrieve()
                .body(new ParameterizedTypeReference<List<Ranked>>() {
                })) : List.of();
        // commons-calls lists the awards of a call to anyone, hence never those of a draft (404 to all but its funder)
        List<Award> awards = call.status().equals("DRAFT") ? List.of() : awardsOf(callId);
        return new CallFile(call, applications, assignments, ranking, awards);
    }

    @Override
    public Application decideEligibility(String applicationId, FormValues form) {
        Map<String, Object> body = FormBodies.fields(form, "eligible", "reason");
        return post("/applications/" + applicationId + "/eligibility", body, Application.class);
    }

    @Override
    public Assignment assignEvaluator(String applicationId, FormValues form) {
        return post("/applications/" + applicationId + "/assignments",
                FormBodies.fields(form, "evaluatorSubject", "evaluatorSiren"), Assignment.class);
    }

    @Override
    public void consensus(String applicationId, FormValues form) {
        Map<String, Object> body = FormBodies.fields(form, "score", "comment");
        // a score typed the French way ("78,5") is the service's 78.5; anything else goes as typed, for its refusal
        if (FrenchNumbers.typed(form.value("score")) instanceof BigDecimal score) {
            body.put("score", score.toPlainString());
        }
        call(c -> c.post().uri("/applications/{id}/consensus", applicationId).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toBodilessEntity());
    }

    @Override
    public List<Decision> decide(String callId) {
        return call(c -> c.post().uri("/calls/{id}/decisions", callId).retrieve()
                .body(new ParameterizedTypeReference<List<Decision>>() {
                }));
    }

    @Override
    public Award award(String id) {
        return call(c -> c.get().uri("/awards/{id}", id).retrieve().body(Award.class));
    }

    @Override
    public Award recordAgreement(String awardId, FormValues form) {
        Map<String, Object> body = FormBodies.fields(form, "signedOn", "reference");
        body.put("tranches", FormBodies.rows(form, "tranches", TRANCHES, "amount",
                at -> FormBodies.row(form, at, "kind", "amount", "condition", "dueOn")));
        return post("/awards/" + awardId + "/agreement", body, Award.class);
    }

    @Override
    public Award recordPayment(String awardId, String trancheId, FormValues form) {
        return post("/awards/" + awardId + "/tranches/" + trancheId + "/payment",
                FormBodies.fields(form, "paidOn", "paymentReference"), Award.class);
    }

    @Override
    public Assignment review(String applicationId, FormValues form, List<String> criteria) {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String code : criteria) {
            scores.put(code, FormBodies.row(form, "scores[" + code + "].", "value", "comment"));
        }
        return post("/applications/" + applicationId + "/review", Map.of("scores", scores), Assignment.class);
    }

    @Override
    public Assignment declareConflict(String applicationId, FormValues form) {
        return post("/applications/" + applicationId + "/conflict", FormBodies.fields(form, "reason"),
                Assignment.class);
    }

    private <T> T get(String path, ParameterizedTypeReference<T> type) {
        return call(c -> c.get().uri(path).retrieve().body(type));
    }

    private <T> T post(String path, Object body, Class<T> type) {
        return call(c -> c.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    private <T> T call(java.util.function.Function<RestClient, T> request) {
        return clients.call(SERVICE, request);
    }
}
