package fr.dataterritoires.portal.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.dataterritoires.portal.application.HarvestViews.Run;
import fr.dataterritoires.portal.application.HarvestViews.SourceRuns;
import fr.dataterritoires.portal.application.Harvests;
import fr.dataterritoires.portal.application.ServiceRefusal;
import fr.dataterritoires.portal.security.CurrentUser;

/**
 * The harvested catalogues and their runs (issue 12 §3): the sources with their latest runs, a source's history, a
 * run's status, counts, duration and unreadable records. Anyone reads them, as dataset-search publishes them; a
 * national coordinator starts a run (a form: POST, then the run's page) and reads its failed records. While a run is
 * in progress its page refreshes itself: {@code portal.js} re-reads it every few seconds and updates it in place, a
 * polite live region saying when it ends; without JavaScript a {@code <meta http-equiv="refresh">} inside
 * {@code <noscript>} reloads it, which a link turns off ({@code ?actualisation=non}, WCAG 2.2.1).
 */
@Controller
public class HarvestPages {

    /** Seconds between two reloads of a running run's page without JavaScript. */
    static final int REFRESH_SECONDS = 5;
    /** Failed records per page of a run. */
    static final int FAILURES = 50;
    static final int HISTORY = 20;

    private final Harvests harvests;
    private final CurrentUser currentUser;

    public HarvestPages(Harvests harvests, CurrentUser currentUser) {
        this.harvests = harvests;
        this.currentUser = currentUser;
    }

    @GetMapping("/moissons")
    public String sources(Model model) {
        List<SourceRuns> sources = harvests.sources().stream()
                .map(s -> new SourceRuns(s, harvests.runs(s.id(), Harvests.LATEST))).toList();
        model.addAttribute("sources", sources);
        model.addAttribute("coordinator", coordinator());
        return "harvests";
    }

    @GetMapping("/moissons/sources/{id}")
    public String source(@PathVariable String id, Model model) {
        model.addAttribute("source", harvests.source(id));
        model.addAttribute("runs", harvests.runs(id, HISTORY));
        model.addAttribute("coordinator", coordinator());
        return "harvest-source";
    }

    @PostMapping("/moissons/sources/{id}/lancement")
    public String start(@PathVariable String id, RedirectAttributes redirect) {
        try {
            Run run = harvests.start(id);
            redirect.addFlashAttribute("done", "La moisson de la source est lancée.");
            return "redirect:/moissons/" + run.id();
        } catch (ServiceRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.detail());
            return "redirect:/moissons/sources/" + id;
        }
    }

    @GetMapping("/moissons/{runId}")
    public String run(@PathVariable String runId,
                      @RequestParam(name = "actualisation", required = false) String refresh,
                      @RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        Run run = harvests.run(runId);
        model.addAttribute("run", run);
        model.addAttribute("source", harvests.source(run.sourceId()));
        boolean stopped = "non".equals(refresh);
        model.addAttribute("refreshStopped", stopped);
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        if (run.isRunning() && !stopped) {
            model.addAttribute("autoRefreshSeconds", REFRESH_SECONDS);
        }
        model.addAttribute("coordinator", coordinator());
        int number = pageNumber(page);
        // dataset-search shows raw records to national coordinators only (they may hold what was not published)
        if (coordinator() && run.counts().failed() > 0) {
            var failures = harvests.failures(runId, (number - 1) * FAILURES, FAILURES);
            model.addAttribute("failures", failures);
            model.addAttribute("page", number);
            model.addAttribute("lastPage", Math.max(1, (int) ((failures.total() + FAILURES - 1) / FAILURES)));
        }
        return "harvest-run";
    }

    private boolean coordinator() {
        return currentUser.user().map(u -> u.hasRole("NATIONAL_COORDINATOR")).orElse(false);
    }

    private static int pageNumber(String raw) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(raw.strip()), 100_000 / FAILURES));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
