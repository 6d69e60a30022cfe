package fr.dataterritoires.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.ExchangeProgramme;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.FormValues;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * The agents' pages of the exchange programme: published host offers (public) and applying to one, the agent's
 * applications with the employer's and host's approvals, the training catalogue and enrolling, and the agent's own
 * data — downloaded as exchanges exports it, or erased on request.
 */
@Controller
public class ExchangePages {

    /**
     * Enrolment statuses (exchanges' EnrolmentStatus) with which a training's form gives way to the enrolment; after a
     * refused consent or a withdrawal the learner may enrol again.
     */
    static final java.util.Set<String> HELD = java.util.Set.of("AWAITING_CONSENT", "ENROLLED", "COMPLETED");

    private final ExchangeProgramme exchanges;
    private final CurrentUser currentUser;

    public ExchangePages(ExchangeProgramme exchanges, CurrentUser currentUser) {
        this.exchanges = exchanges;
        this.currentUser = currentUser;
    }

    @GetMapping("/echanges/offres")
    public String offers(@RequestParam(name = "region", required = false) String region, Model model) {
        String chosen = region != null && region.strip().matches("[0-9]{2}") ? region.strip() : null;
        model.addAttribute("offers", exchanges.offers(chosen));
        model.addAttribute("region", chosen);
        return "offers";
    }

    @GetMapping("/echanges/offres/{id}")
    public String offer(@PathVariable String id, Model model) {
        model.addAttribute("offer", exchanges.offer(id));
        FormPages.prepare(model, FormValues.empty()
                .with("agent.name", currentUser.user().map(u -> u.name()).orElse(null)));
        return "offer";
    }

    /** "Se connecter pour candidater": signed in, back to the offer's form (Spring Security resumes this request). */
    @GetMapping("/echanges/offres/{id}/candidater")
    public String signedInToApply(@PathVariable java.util.UUID id) {
        return "redirect:/echanges/offres/" + id + "#candidater";
    }

    @PostMapping("/echanges/offres/{id}/candidater")
    public String apply(@PathVariable String id, @RequestParam MultiValueMap<String, String> posted,
                        RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            exchanges.apply(id, form);
            return FormPages.done(redirect, "Candidature envoyée à votre employeur puis à l'administration d'accueil",
                    "/echanges/mes-candidatures");
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "candidature", "/echanges/offres/" + id);
        }
    }

    @GetMapping("/echanges/mes-candidatures")
    public String mine(Model model) {
        model.addAttribute("applications", exchanges.myApplications());
        model.addAttribute("enrolments", exchanges.myEnrolments());
        // an enrolment names its training by id: its title comes from the (public) catalogue
        Map<String, String> titles = new HashMap<>();
        exchanges.trainings().forEach(t -> titles.put(t.id(), t.title()));
        model.addAttribute("trainingTitles", titles);
        return "my-exchanges";
    }

    @GetMapping("/formations")
    public String trainings(Model model) {
        model.addAttribute("trainings", exchanges.trainings());
        // a signed-in learner sees where they are enrolled (status by training) instead of the form
        Map<String, String> enrolled = new HashMap<>();
        if (currentUser.user().isPresent()) {
            // a held enrolment wins over a refused or withdrawn one of the same training
            exchanges.myEnrolments().forEach(e -> enrolled.merge(e.trainingId(), e.status(),
                    (kept, other) -> HELD.contains(kept) ? kept : other));
        }
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("heldStatuses", HELD);
        FormPages.prepare(model, FormValues.empty()
                .with("name", currentUser.user().map(u -> u.name()).orElse(null)));
        return "trainings";
    }

    /** "Se connecter pour s'inscrire": signed in, back to the training's form (Spring Security resumes it). */
    @GetMapping("/formations/{id}/inscription")
    public String signedInToEnrol(@PathVariable java.util.UUID id) {
        return "redirect:/formations#formation-" + id;
    }

    @PostMapping("/formations/{id}/inscription")
    public String enrol(@PathVariable String id, @RequestParam MultiValueMap<String, String> posted,
                        RedirectAttributes redirect) {
        FormValues form = FormPages.posted(posted);
        try {
            exchanges.enrol(id, form);
            return FormPages.done(redirect, "Inscription enregistrée", "/echanges/mes-candidatures");
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "formation-" + id, "/formations");
        }
    }

    @GetMapping("/mes-donnees")
    public String myData(Model model) {
        model.addAttribute("applications", exchanges.myApplications());
        model.addAttribute("enrolments", exchanges.myEnrolments());
        FormPages.prepare(model, FormValues.empty());
        return "my-data";
    }

    @GetMapping("/mes-donnees/export")
    public ResponseEntity<byte[]> export() {
        byte[] json = exchanges.myDataExport().getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("mes-donnees-echanges.json").build().toString())
                .body(json);
    }

    @PostMapping("/mes-donnees/effacement")
    public String erase(@RequestParam(name = "confirmation", required = false) String confirmation,
                        RedirectAttributes redirect) {
        FormValues form = FormValues.empty().with("confirmation", confirmation);
        if (!"oui".equals(confirmation)) {
            return FormPages.refused(redirect, form, new ServiceRefusal(400, "Confirmation manquante",
                    "Cochez la case pour confirmer l'effacement.", java.util.Map.of("confirmation",
                    "Cochez la case pour confirmer l'effacement de vos données.")), "effacement", "/mes-donnees");
        }
        try {
            exchanges.eraseMyData();
            return FormPages.done(redirect, "Vos données personnelles ont été effacées", "/mes-donnees");
        } catch (ServiceRefusal refused) {
            return FormPages.refused(redirect, form, refused, "effacement", "/mes-donnees");
        }
    }
}
