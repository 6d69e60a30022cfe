package fr.dataterritoires.portal.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import fr.dataterritoires.portal.application.ConsolidationView;
import fr.dataterritoires.portal.application.Roadmaps;

/**
 * The public pages of the roadmaps: the 18 régions with the state of their committee's roadmap for a period and the
 * national priorities; a région's published roadmaps; a roadmap with its items, their progress and its financial
 * section. Anonymous visitors see what is published; signed-in issuers and coordinators also what they may see.
 */
@Controller
public class RoadmapPages {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Roadmaps roadmaps;

    public RoadmapPages(Roadmaps roadmaps) {
        this.roadmaps = roadmaps;
    }

    @GetMapping("/feuilles-de-route")
    public String regions(@RequestParam(name = "periode", required = false) String period, Model model) {
        String shown = period == null || period.isBlank() ? String.valueOf(LocalDate.now(PARIS).getYear()) : period;
        model.addAttribute("period", shown);
        model.addAttribute("consolidation", roadmaps.consolidation(shown, false));
        model.addAttribute("priorities", roadmaps.priorities("NATIONAL", null));
        return "roadmaps";
    }

    @GetMapping("/feuilles-de-route/regions/{code}")
    public String region(@PathVariable String code, Model model) {
        model.addAttribute("roadmaps", roadmaps.list(new Roadmaps.RoadmapFilter("COMMITTEE", code, null, null)));
        ConsolidationView national = roadmaps.consolidation(null, false);
        model.addAttribute("region", national.regions().stream().filter(r -> r.regionCode().equals(code)).findFirst()
                .orElse(null));
        model.addAttribute("code", code);
        return "region-roadmaps";
    }

    @GetMapping("/feuilles-de-route/{id}")
    public String roadmap(@PathVariable UUID id, Model model) {
        model.addAttribute("roadmap", roadmaps.roadmap(id));
        model.addAttribute("financial", roadmaps.financialSection(id));
        return "roadmap";
    }
}
