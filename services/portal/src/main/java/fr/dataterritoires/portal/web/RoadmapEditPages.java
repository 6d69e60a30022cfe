package fr.dataterritoires.portal.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.RoadmapView;
import fr.dataterritoires.portal.application.Roadmaps;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.application.SignedInUser;
import fr.dataterritoires.portal.domain.ItemDraft;
import fr.dataterritoires.portal.domain.RoadmapItemKind;
import fr.dataterritoires.portal.domain.Vocabulary;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * The issuers' pages: a committee member's région roadmaps, a ministry officer's territorial sections; creating one,
 * its items (add, edit: content, parent, weight, milestones), their progress and milestones reached, the submission to
 * the national instance. Plain forms: a POST, then a redirect either way (post/redirect/get), with the service's
 * refusals shown next to the fields they name.
 */
@Controller
public class RoadmapEditPages {

    static final String EDIT = "/feuilles-de-route/{id}/edition";

    private final Roadmaps roadmaps;
    private final CurrentUser currentUser;

    public RoadmapEditPages(Roadmaps roadmaps, CurrentUser currentUser) {
        this.roadmaps = roadmaps;
        this.currentUser = currentUser;
    }

    @GetMapping("/mes-feuilles-de-route")
    public String mine(Model model) {
        SignedInUser user = currentUser.user().orElseThrow();
        boolean committee = user.hasRole("COMMITTEE_MEMBER") && user.region() != null;
        boolean ministry = user.hasRole("MINISTRY_OFFICER") && user.ministry() != null;
        model.addAttribute("committee", committee);
        model.addAttribute("ministry", ministry);
        model.addAttribute("roadmaps", committee || ministry ? roadmaps.list(new Roadmaps.RoadmapFilter(
                committee ? "COMMITTEE" : "MINISTERIAL", committee ? user.region() : null,
                committee ? null : user.ministry(), null)) : List.of());
        Forms.defaults(model);
        return "my-roadmaps";
    }

    @PostMapping("/mes-feuilles-de-route")
    public String create(@RequestParam(required = false) String title,
                         @RequestParam(required = false) String startYear,
                         @RequestParam(required = false) String endYear,
                         @RequestParam(required = false) String year, RedirectAttributes redirect) {
        SignedInUser user = currentUser.user().orElseThrow();
        try {
            RoadmapView created = user.hasRole("COMMITTEE_MEMBER") && user.region() != null
                    ? roadmaps.createCommitteeRoadmap(user.region(), startYear, endYear, title)
                    : roadmaps.createMinisterialSection(user.ministry(), year, title);
            redirect.addFlashAttribute("done", "La feuille de route « " + created.title() + " » est créée.");
            return "redirect:" + edit(created.id());
        } catch (ServiceRefusal refused) {
            redirect.addFlashAttribute("draft", Forms.typed("title", title, "startYear", startYear, "endYear", endYear,
                    "year", year));
            return Forms.refused(redirect, refused, "/mes-feuilles-de-route");
        }
    }

    @GetMapping(EDIT)
    public String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("roadmap", roadmaps.roadmap(id));
        model.addAttribute("financial", roadmaps.financialSection(id));
        model.addAttribute("itemStatuses", Vocabulary.ITEM_STATUSES);
        Forms.defaults(model);
        return "roadmap-edit";
    }

    @GetMapping("/feuilles-de-route/{id}/elements/nouveau")
    public String newItem(@PathVariable UUID id, @RequestParam(name = "type") String type,
                          @RequestParam(name = "parent", required = false) String parent, Model model) {
        RoadmapItemKind kind = kind(type);
        RoadmapView roadmap = roadmaps.roadmap(id);
        model.addAttribute("roadmap", roadmap);
        model.addAttribute("kind", kind);
        model.addAttribute("parents", roadmap.possibleParents(null));
        if (!model.containsAttribute("draft")) {
            // "Ajouter un sous-élément" on an item's page: the form opens with that parent chosen
            model.addAttribute("draft", new ItemDraft(kind, parent == null ? Map.of() : Map.of("parentId", parent)));
        }
        // the kind travels in the form's hidden field "type", not twice
        model.addAttribute("action", "/feuilles-de-route/" + id + "/elements/nouveau");
        Forms.defaults(model);
        return "roadmap-item";
    }

    @PostMapping("/feuilles-de-route/{id}/elements/nouveau")
    public String addItem(@PathVariable UUID id, @RequestParam(name = "type") String type,
                          @RequestParam long version, @RequestParam MultiValueMap<String, String> form,
                          RedirectAttributes redirect) {
        return saveItem(id, type, form, redirect, "ajouté", "/feuilles-de-route/" + id + "/elements/nouveau?type=" + type,
                draft -> roadmaps.addItem(id, version, draft));
    }

    @GetMapping("/feuilles-de-route/{id}/elements/{itemId}")
    public String item(@PathVariable UUID id, @PathVariable UUID itemId, Model model) {
        RoadmapView roadmap = roadmaps.roadmap(id);
        RoadmapView.Item item = roadmap.item(itemId).orElseThrow(() -> new ServiceRefusal(404, "Page non trouvée",
                "Cet élément n'est pas dans la feuille de route.", Map.of()));
        model.addAttribute("roadmap", roadmap);
        model.addAttribute("kind", item.itemKind().orElseThrow());
        model.addAttribute("item", item);
        model.addAttribute("parent", roadmap.parentOf(item).orElse(null));
        model.addAttribute("children", roadmap.children(itemId));
        model.addAttribute("parents", roadmap.possibleParents(itemId));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", item.draft());
        }
        model.addAttribute("action", "/feuilles-de-route/" + id + "/elements/" + itemId);
        Forms.defaults(model);
        return "roadmap-item";
    }

    @PostMapping("/feuilles-de-route/{id}/elements/{itemId}")
    public String replaceItem(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam(name = "type") String type,
                              @RequestParam long version, @RequestParam MultiValueMap<String, String> form,
                              RedirectAttributes redirect) {
        return saveItem(id, type, form, redirect, "modifié", "/feuilles-de-route/" + id + "/elements/" + itemId,
                draft -> roadmaps.replaceItem(id, version, itemId, draft));
    }

    /** The item as typed, sent; back to the roadmap, or to the form with the refusals. */
    private String saveItem(UUID id, String type, MultiValueMap<String, String> form, RedirectAttributes redirect,
                            String done, String back, java.util.function.Consumer<ItemDraft> save) {
        ItemDraft draft = new ItemDraft(kind(type), form.toSingleValueMap());
        try {
            save.accept(draft);
            redirect.addFlashAttribute("done", "L'élément « " + draft.value("title") + " » est " + done + ".");
            return "redirect:" + edit(id);
        } catch (ServiceRefusal refused) {
            redirect.addFlashAttribute("draft", draft);
            return Forms.refused(redirect, refused, back);
        }
    }

    @PostMapping("/feuilles-de-route/{id}/elements/{itemId}/suivi")
    public String track(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam long version,
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) String progress,
                        @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        // the refusals go next to this item's fields only
        redirect.addFlashAttribute("trackedItem", itemId);
        // its milestones travel in the form (hidden date and title, "atteint" ticked or not): the list is replaced
        List<ItemDraft.MilestoneDraft> milestones = ItemDraft.postedMilestones(form.toSingleValueMap());
        return Forms.step(redirect, "L'avancement est enregistré.", edit(id) + "#element-" + itemId,
                () -> roadmaps.track(id, version, itemId, status, progress, milestones));
    }

    @PostMapping("/feuilles-de-route/{id}/soumission")
    public String submit(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return Forms.step(redirect, "La feuille de route est soumise à l'instance nationale.", edit(id),
                () -> roadmaps.submit(id, version));
    }

    @PostMapping("/feuilles-de-route/{id}/reouverture")
    public String reopen(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return Forms.step(redirect, "La feuille de route est de nouveau en brouillon.", edit(id),
                () -> roadmaps.reopen(id, version));
    }

    static String edit(UUID id) {
        return "/feuilles-de-route/" + id + "/edition";
    }

    private static RoadmapItemKind kind(String type) {
        return RoadmapItemKind.parse(type).orElseThrow(() -> new ServiceRefusal(400, "Type d'élément inconnu",
                "Le type d'élément « " + type + " » n'existe pas.", Map.of()));
    }
}
