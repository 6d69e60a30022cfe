package fr.dataterritoires.portal.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.AccessRequestReceipt;
import fr.dataterritoires.portal.application.DatasetCatalogue;
import fr.dataterritoires.portal.application.DatasetDetail;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.AccessRequestDraft;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * The access request form of a dataset that is not open (signed-in users), and the user's own requests. A plain
 * POST, then a redirect either way (post/redirect/get): to the user's requests with a success alert, or back to the
 * form with what was typed and dataset-search's refusals, per field, in French.
 */
@Controller
public class AccessRequestPages {

    static final String FORM = "/jeux-de-donnees/{id}/demande-acces";
    /** The form's labels, for the error summary that links to each refused field. */
    static final Map<String, String> LABELS = labels();

    private final DatasetCatalogue catalogue;
    private final CurrentUser currentUser;

    public AccessRequestPages(DatasetCatalogue catalogue, CurrentUser currentUser) {
        this.catalogue = catalogue;
        this.currentUser = currentUser;
    }

    @GetMapping(FORM)
    public String form(@PathVariable String id, Model model) {
        DatasetDetail dataset = catalogue.dataset(id);
        model.addAttribute("dataset", dataset);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", AccessRequestDraft.forDataset(id,
                    currentUser.user().map(u -> u.name()).orElse(null)));
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        model.addAttribute("fieldLabels", LABELS);
        model.addAttribute("needsSiren", currentUser.user().map(u -> u.siren() == null).orElse(true));
        return "access-request";
    }

    @PostMapping(FORM)
    public String submit(@PathVariable String id, @ModelAttribute AccessRequestForm form,
                         RedirectAttributes redirect) {
        AccessRequestDraft draft = form.toDraft(id);
        try {
            AccessRequestReceipt receipt = catalogue.submitAccessRequest(draft);
            redirect.addFlashAttribute("submitted", receipt);
            return "redirect:/demandes-acces";
        } catch (ServiceRefusal refused) {
            redirect.addFlashAttribute("draft", draft);
            redirect.addFlashAttribute("fieldErrors", refused.fieldErrors());
            redirect.addFlashAttribute("refusal", refused.detail());
            return "redirect:/jeux-de-donnees/" + org.springframework.web.util.UriUtils.encodePathSegment(id,
                    java.nio.charset.StandardCharsets.UTF_8) + "/demande-acces";
        }
    }

    @GetMapping("/demandes-acces")
    public String mine(Model model) {
        model.addAttribute("requests", catalogue.myAccessRequests());
        return "my-requests";
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("requesterName", "Nom et prénom");
        labels.put("requesterEmail", "Adresse électronique");
        labels.put("organisationSiren", "SIREN de l'organisation demandeuse");
        labels.put("purpose", "Finalité de la demande");
        labels.put("wishedStart", "Début d'accès souhaité");
        labels.put("wishedEnd", "Fin d'accès souhaitée");
        labels.put("legalBasis", "Fondement juridique");
        return java.util.Collections.unmodifiableMap(labels);
    }

    /** The form's fields as posted (names of dataset-search's API, so refusals map back one to one). */
    public record AccessRequestForm(String organisationSiren, String requesterName, String requesterEmail,
                                    String purpose, String wishedStart, String wishedEnd, String legalBasis) {
        AccessRequestDraft toDraft(String datasetId) {
            return new AccessRequestDraft(datasetId, organisationSiren, requesterName, requesterEmail, purpose,
                    wishedStart, wishedEnd, legalBasis);
        }
    }
}
