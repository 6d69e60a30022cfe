package fr.dataterritoires.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import fr.dataterritoires.portal.application.CallsAndAwards;
import fr.dataterritoires.portal.application.ReplicatedInitiatives;

/**
 * Public pages of the funding and replication programmes: the préciput fund's ledger (balance, totals, years, latest
 * operations) and the initiatives with their reach (territories and population reached, replications elsewhere).
 */
@Controller
public class PublicFundingPages {

    static final java.util.List<String> MATURITIES = java.util.List.of("EXPERIMENT", "VALIDATED", "ACCELERATED",
            "REPLICATED", "SUSTAINED");

    private final CallsAndAwards calls;
    private final ReplicatedInitiatives initiatives;

    public PublicFundingPages(CallsAndAwards calls, ReplicatedInitiatives initiatives) {
        this.calls = calls;
        this.initiatives = initiatives;
    }

    @GetMapping("/preciput")
    public String preciput(Model model) {
        model.addAttribute("fund", calls.preciputFund());
        return "preciput";
    }

    @GetMapping("/initiatives")
    public String initiatives(@RequestParam(name = "maturite", required = false) String maturity, Model model) {
        String chosen = maturity != null && MATURITIES.contains(maturity) ? maturity : null;
        model.addAttribute("initiatives", initiatives.initiatives(chosen));
        model.addAttribute("maturity", chosen);
        model.addAttribute("maturities", MATURITIES);
        return "initiatives";
    }

    @GetMapping("/initiatives/{id}")
    public String initiative(@PathVariable String id, Model model) {
        model.addAttribute("initiative", initiatives.initiative(id));
        return "initiative";
    }
}
