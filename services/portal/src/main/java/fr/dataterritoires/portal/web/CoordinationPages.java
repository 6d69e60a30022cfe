package fr.dataterritoires.portal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.Roadmaps;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.domain.Vocabulary;

/**
 * The national coordinators' pages: the roadmaps to review (submitted, under review, arbitrated), the review of one
 * (take it up, request changes with a reason, arbitrate each financial line or action, publish), the national
 * consolidation as a table of régions and ministries, the national priorities. The roadmaps service refuses these
 * changes to anyone else (403, shown as such).
 */
@Controller
public class CoordinationPages {

    static final List<String> TO_REVIEW = List.of("SUBMITTED", "UNDER_REVIEW", "ARBITRATED", "CHANGES_REQUESTED");

    private final Roadmaps roadmaps;

    public CoordinationPages(Roadmaps roadmaps) {
        this.roadmaps = roadmaps;
    }

    @GetMapping("/coordination/feuilles-de-route")
    public String toReview(Model model) {
        model.addAttribute("roadmaps", roadmaps.list(new Roadmaps.RoadmapFilter(null, null, null, TO_REVIEW)));
        return "coordination";
    }

    @GetMapping("/coordination/feuilles-de-route/{id}")
    public String review(@PathVariable UUID id, Model model) {
        model.addAttribute("roadmap", roadmaps.roadmap(id));
        model.addAttribute("financial", roadmaps.financialSection(id));
        Forms.defaults(model);
        return "roadmap-review";
    }

    @PostMapping("/coordination/feuilles-de-route/{id}/examen")
    public String startReview(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return step(id, redirect, "L'examen de la feuille de route a commencé.",
                () -> roadmaps.startReview(id, version));
    }

    @PostMapping("/coordination/feuilles-de-route/{id}/modifications")
    public String requestChanges(@PathVariable UUID id, @RequestParam long version,
                                 @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("draft", Forms.typed("reason", reason));
        return step(id, redirect, "Les modifications sont demandées à l'émetteur.",
                () -> roadmaps.requestChanges(id, version, reason));
    }

    /**
     * One decision per financial line or action: {@code itemId}, {@code grantedAmount}, {@code grantedFte} (actions),
     * {@code reason}, repeated in the order of the form.
     */
    @PostMapping("/coordination/feuilles-de-route/{id}/arbitrage")
    public String arbitrate(@PathVariable UUID id, @RequestParam long version,
                            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
                            RedirectAttributes redirect) {
        // the repeated fields as posted, one value each (a single value must not be split on its commas)
        List<String> itemIds = form.get("itemId");
        List<String> amounts = form.get("grantedAmount");
        List<String> ftes = form.get("grantedFte");
        List<String> reasons = form.get("reason");
        List<Roadmaps.GrantDecision> decisions = new ArrayList<>();
        Map<String, String> typed = new java.util.HashMap<>();
        int count = itemIds == null ? 0 : itemIds.size();
        for (int i = 0; i < count; i++) {
            String amount = at(amounts, i);
            String fte = at(ftes, i);
            String reason = at(reasons, i);
            decisions.add(new Roadmaps.GrantDecision(uuid(itemIds.get(i)), amount, fte, reason));
            typed.put("decisions[" + i + "].grantedAmount", amount);
            typed.put("decisions[" + i + "].grantedFte", fte);
            typed.put("decisions[" + i + "].reason", reason);
        }
        typed.values().removeIf(java.util.Objects::isNull);
        redirect.addFlashAttribute("draft", typed);
        return step(id, redirect, "L'arbitrage est enregistré.", () -> roadmaps.arbitrate(id, version, decisions));
    }

    @PostMapping("/coordination/feuilles-de-route/{id}/publication")
    public String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return step(id, redirect, "La feuille de route est publiée.", () -> roadmaps.publish(id, version));
    }

    @GetMapping("/coordination/consolidation")
    public String consolidation(@RequestParam(name = "periode", required = false) String period, Model model) {
        String shown = period == null || period.isBlank()
                ? String.valueOf(LocalDate.now(RoadmapPages.PARIS).getYear()) : period;
        model.addAttribute("period", shown);
        model.addAttribute("consolidation", roadmaps.consolidation(shown, true));
        return "consolidation";
    }

    @GetMapping("/coordination/priorites")
    public String priorities(Model model) {
        model.addAttribute("priorities", roadmaps.priorities("NATIONAL", null));
        model.addAttribute("subjects", Vocabulary.PRIORITY_SUBJECTS);
        model.addAttribute("accessLevels", Vocabulary.ACCESS_LEVELS);
        Forms.defaults(model);
        return "priorities";
    }

    @PostMapping("/coordination/priorites")
    public String declare(@RequestParam(required = false) String subject, @RequestParam(required = false) String title,
                          @RequestParam(required = false) String datasetReference,
                          @RequestParam(required = false) String theme,
                          @RequestParam(required = false) String targetAccessLevel,
                          @RequestParam(required = false) String targetDate, RedirectAttributes redirect) {
        Roadmaps.PriorityDraft draft = new Roadmaps.PriorityDraft(subject, title, datasetReference, theme,
                targetAccessLevel, targetDate);
        try {
            roadmaps.declarePriority(draft);
            redirect.addFlashAttribute("done", "La priorité nationale « " + title + " » est publiée.");
        } catch (ServiceRefusal refused) {
            redirect.addFlashAttribute("draft", Forms.typed("subject", subject, "title", title, "datasetReference",
                    datasetReference, "theme", theme, "targetAccessLevel", targetAccessLevel, "targetDate", targetDate));
            return Forms.refused(redirect, refused, "/coordination/priorites");
        }
        return "redirect:/coordination/priorites";
    }

    private static String step(UUID id, RedirectAttributes redirect, String done, Runnable change) {
        return Forms.step(redirect, done, "/coordination/feuilles-de-route/" + id, change);
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ServiceRefusal(400, "Demande invalide", "L'élément « " + raw + " » n'existe pas.", Map.of());
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }
}
