package fr.dataterritoires.portal.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.CallsAndAwards;
import fr.dataterritoires.portal.application.FundingViews.Award;
import fr.dataterritoires.portal.application.FundingViews.Call;
import fr.dataterritoires.portal.application.FundingViews.Funder;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.FormValues;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * The funder's pages: their organisation (registered once), their calls, a new call (terms, eligibility, grid of
 * criteria), and a call's file through its lifecycle — open, close, eligibility decisions, evaluators, consensus,
 * ranking, decisions (awards within the budget), then each award's agreement, tranches and payments. Every action is
 * a POST then a redirect back to the call's file; commons-calls' refusals are shown next to the form that caused them.
 */
@Controller
public class FunderPages {

    private final CallsAndAwards calls;
    private final CurrentUser currentUser;

    public FunderPages(CallsAndAwards calls, CurrentUser currentUser) {
        this.calls = calls;
        this.currentUser = currentUser;
    }

    @GetMapping("/financeur")
    public String home(Model model) {
        Optional<Funder> funder = calls.funderOf(siren());
        model.addAttribute("funder", funder.orElse(null));
        model.addAttribute("siren", siren());
        model.addAttribute("calls", funder.map(f -> calls.calls().stream()
                .filter(c -> f.id().equals(c.funderId())).toList()).orElse(List.of()));
        FormPages.prepare(model, FormValues.empty());
        return "funder";
    }

    @PostMapping("/financeur/organisation")
    public String register(@RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            calls.registerFunder(siren(), form.value("name"));
            return FormPages.done(redirect, "Organisation enregistrée", "/financeur");
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "organisation", "/financeur");
        }
    }

    @GetMapping("/financeur/appels/nouveau")
    public String newCall(Model model) {
        Funder funder = requireFunder();
        model.addAttribute("funder", funder);
        model.addAttribute("programmes", calls.programmes(funder.id()));
        FormPages.prepare(model, FormValues.empty().with("kind", "COMMONS").with("coFundingRate", "0.8")
                .with("minConsortiumSize", "2").with("reviewsPerApplication", "1")
                .with("requiredDeclarations", "charte-ethique"));
        model.addAttribute("criterionRows", RowNumbers.of(CallsAndAwards.CRITERIA));
        return "funder-call-new";
    }

    @PostMapping("/financeur/appels/nouveau")
    public String createCall(@RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            Call call = calls.createCall(requireFunder().id(), form);
            return FormPages.done(redirect, "Appel enregistré en brouillon", "/financeur/appels/" + call.id());
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "appel", "/financeur/appels/nouveau");
        }
    }

    @GetMapping("/financeur/appels/{id}")
    public String callFile(@PathVariable String id, Model model) {
        model.addAttribute("file", calls.callFile(id));
        FormPages.prepare(model, FormValues.empty());
        return "funder-call";
    }

    @PostMapping("/financeur/appels/{id}/etape")
    public String move(@PathVariable String id, @RequestParam String step, RedirectAttributes redirect) {
        return act(redirect, FormValues.empty(), "etape", id, () -> calls.moveCall(id, step), switch (step) {
            case "open" -> "Appel ouvert aux candidatures";
            case "close" -> "Appel clos";
            default -> "Évaluation commencée";
        });
    }

    @PostMapping("/financeur/appels/{id}/candidatures/{applicationId}/eligibilite")
    public String eligibility(@PathVariable String id, @PathVariable String applicationId,
                              @RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        return act(redirect, form, "eligibilite-" + applicationId, id,
                () -> calls.decideEligibility(applicationId, form), "Décision d'éligibilité enregistrée");
    }

    @PostMapping("/financeur/appels/{id}/candidatures/{applicationId}/evaluateurs")
    public String assign(@PathVariable String id, @PathVariable String applicationId,
                         @RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        return act(redirect, form, "evaluateur-" + applicationId, id,
                () -> calls.assignEvaluator(applicationId, form), "Évaluateur désigné");
    }

    @PostMapping("/financeur/appels/{id}/candidatures/{applicationId}/consensus")
    public String consensus(@PathVariable String id, @PathVariable String applicationId,
                            @RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        return act(redirect, form, "consensus-" + applicationId, id, () -> {
            calls.consensus(applicationId, form);
            return null;
        }, "Note de consensus enregistrée");
    }

    @PostMapping("/financeur/appels/{id}/decisions")
    public String decide(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, FormValues.empty(), "decisions", id, () -> calls.decide(id),
                "Décisions publiées : subventions attribuées par ordre de classement");
    }

    @GetMapping("/financeur/subventions/{id}")
    public String award(@PathVariable String id, Model model) {
        Award award = calls.award(id);
        model.addAttribute("award", award);
        FormPages.prepare(model, FormValues.empty().with("tranches[0].kind", "PRE_FINANCING")
                .with("tranches[1].kind", "FINAL"));
        model.addAttribute("trancheRows", RowNumbers.of(CallsAndAwards.TRANCHES));
        return "award";
    }

    @PostMapping("/financeur/subventions/{id}/convention")
    public String agreement(@PathVariable String id, @RequestParam MultiValueMap<String, String> posted,
                            RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            calls.recordAgreement(id, form);
            return FormPages.done(redirect, "Convention et échéancier enregistrés", "/financeur/subventions/" + id);
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "convention", "/financeur/subventions/" + id);
        }
    }

    @PostMapping("/financeur/subventions/{id}/tranches/{trancheId}/versement")
    public String payment(@PathVariable String id, @PathVariable String trancheId,
                          @RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            calls.recordPayment(id, trancheId, form);
            return FormPages.done(redirect, "Versement enregistré", "/financeur/subventions/" + id);
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "versement-" + trancheId,
                    "/financeur/subventions/" + id);
        }
    }

    private String act(RedirectAttributes redirect, FormValues form, String target, String callId,
                       java.util.function.Supplier<?> action, String done) {
        String file = "/financeur/appels/" + callId;
        try {
            action.get();
            return FormPages.done(redirect, done, file);
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, target, file);
        }
    }

    private String siren() {
        return currentUser.user().map(u -> u.siren()).orElse(null);
    }

    private Funder requireFunder() {
        return calls.funderOf(siren()).orElseThrow(() -> new ServiceRefusal(403, "Organisation non enregistrée",
                "Enregistrez d'abord votre organisation de financeur.", java.util.Map.of()));
    }
}
