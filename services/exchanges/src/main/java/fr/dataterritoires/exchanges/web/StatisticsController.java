package fr.dataterritoires.exchanges.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.exchanges.application.ExchangeStores;
import fr.dataterritoires.exchanges.application.StatisticsService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Anonymous, public statistics: reciprocity of exchanges and national reach. */
@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistiques", description = "Réciprocité des échanges et nombre d'agents et d'élus formés (anonymes)")
public class StatisticsController {

    private final StatisticsService statistics;

    public StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/reciprocity")
    @Operation(summary = "Échanges achevés dans chaque sens, par région (de la collectivité) et par ministère")
    public StatisticsService.Reciprocity reciprocity() {
        return statistics.reciprocity();
    }

    @GetMapping("/reach")
    @Operation(summary = "Nombre d'échanges, d'agents échangés, d'agents et d'élus formés")
    public ExchangeStores.ReachCounts reach() {
        return statistics.reach();
    }
}
