package fr.dataterritoires.portal.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.CallsAndAwards;
import fr.dataterritoires.portal.application.FundingViews.Application;
import fr.dataterritoires.portal.application.FundingViews.Call;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.FormValues;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * Calls for commons as the public and applicants see them: the open calls, a call's page (terms, grid, published
 * decisions and awards), the application form of a consortium (members, commons, budget, ethics charter and labels,
 * the call's declarations), and the applicant's applications. The form is created and submitted in one POST;
 * commons-calls' refusals come back next to their fields.
 */
@Controller
public class CallPages {

    /** Labels [R19] an application can aim for, as the call form offers them. */
    static final List<String> LABELS = List.of("Territoires d'innovation numérique responsable",
            "Numérique en commun[s]", "Label Numérique Responsable", "Logiciel libre SILL");

    private final CallsAndAwards calls;
    private final CurrentUser currentUser;

    public CallPages(CallsAndAwards calls, CurrentUser currentUser) {
        this.calls = calls;
        this.currentUser = currentUser;
    }

    @GetMapping("/appels")
    public String calls(@RequestParam(name = "tous", defaultValue = "false") boolean all, Model model) {
        List<Call> listed = calls.calls().stream().filter(c -> all || c.isOpen()).toList();
        model.addAttribute("calls", listed);
        model.addAttribute("all", all);
        return "calls";
    }

    @GetMapping("/appels/{id}")
    public String call(@PathVariable String id, Model model) {
        model.addAttribute("call", calls.call(id));
        model.addAttribute("decisions", calls.decisions(id));
        model.addAttribute("awards", calls.awardsOf(id));
        return "call";
    }

    @GetMapping("/appels/{id}/candidater")
    public String applyForm(@PathVariable String id, Model model) {
        model.addAttribute("call", calls.call(id));
        FormPages.prepare(model, FormValues.empty().with("commons.licence", "etalab-2.0"));
        model.addAttribute("leadSiren", currentUser.user().map(u -> u.siren()).orElse(null));
        model.addAttribute("labels", LABELS);
        model.addAttribute("memberRows", RowNumbers.of(CallsAndAwards.MEMBERS));
        model.addAttribute("budgetRows", RowNumbers.of(CallsAndAwards.BUDGET_LINES));
        return "call-apply";
    }

    @PostMapping("/appels/{id}/candidater")
    public String apply(@PathVariable String id, @RequestParam MultiValueMap<String, String> posted,
                        RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            Application application = calls.apply(id, form, currentUser.user().map(u -> u.siren()).orElse(null));
            return FormPages.done(redirect, "Candidature déposée", "/mes-candidatures/" + application.id());
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "candidature", "/appels/" + id + "/candidater");
        }
    }

    @GetMapping("/mes-candidatures")
    public String mine(Model model) {
        model.addAttribute("applications", calls.myApplications());
        return "my-applications";
    }

    @GetMapping("/mes-candidatures/{id}")
    public String application(@PathVariable String id, Model model) {
        Application application = calls.application(id);
        // not "application": in a template, ${application} is the servlet context's attributes
        model.addAttribute("submitted", application);
        model.addAttribute("call", calls.call(application.callId()));
        return "my-application";
    }
}
