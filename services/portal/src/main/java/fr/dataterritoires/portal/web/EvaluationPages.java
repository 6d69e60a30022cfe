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
import fr.dataterritoires.portal.application.FundingViews.Criterion;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.FormValues;

/**
 * The evaluator's pages: the application they were assigned (by its reference, which the funder gives them), scored
 * criterion by criterion with the call's grid and a comment each, or a conflict of interest declared instead.
 * commons-calls decides who may read and score it.
 */
@Controller
public class EvaluationPages {

    private final CallsAndAwards calls;

    public EvaluationPages(CallsAndAwards calls) {
        this.calls = calls;
    }

    @GetMapping("/evaluations")
    public String find(@RequestParam(name = "reference", required = false) String reference) {
        if (reference != null && reference.strip().matches("[0-9a-fA-F-]{36}")) {
            return "redirect:/evaluations/" + reference.strip();
        }
        return "evaluations";
    }

    @GetMapping("/evaluations/{applicationId}")
    public String grid(@PathVariable String applicationId, Model model) {
        Application application = calls.application(applicationId);
        model.addAttribute("submitted", application);
        model.addAttribute("call", calls.call(application.callId()));
        FormPages.prepare(model, FormValues.empty());
        return "evaluation";
    }

    @PostMapping("/evaluations/{applicationId}")
    public String review(@PathVariable String applicationId, @RequestParam MultiValueMap<String, String> posted,
                         RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        String page = "/evaluations/" + applicationId;
        try {
            Call call = calls.call(calls.application(applicationId).callId());
            List<String> codes = call.criteria().stream().map(Criterion::code).toList();
            calls.review(applicationId, form, codes);
            return FormPages.done(redirect, "Évaluation enregistrée", page);
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "notes", page);
        }
    }

    @PostMapping("/evaluations/{applicationId}/conflit")
    public String conflict(@PathVariable String applicationId, @RequestParam MultiValueMap<String, String> posted,
                           RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        String page = "/evaluations/" + applicationId;
        try {
            calls.declareConflict(applicationId, form);
            return FormPages.done(redirect, "Conflit d'intérêts déclaré : vous n'évaluerez pas cette candidature",
                    page);
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "conflit", page);
        }
    }
}
