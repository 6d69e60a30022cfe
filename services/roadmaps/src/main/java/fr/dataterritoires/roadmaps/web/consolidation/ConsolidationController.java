package fr.dataterritoires.roadmaps.web.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.dataterritoires.platform.errors.rules.RuleViolation;
import fr.dataterritoires.platform.security.Actors;
import fr.dataterritoires.roadmaps.application.consolidation.ConsolidationQuery;
import fr.dataterritoires.roadmaps.application.consolidation.ConsolidationService;
import fr.dataterritoires.roadmaps.application.consolidation.NationalConsolidation;
import fr.dataterritoires.roadmaps.domain.roadmap.ItemKind;
import fr.dataterritoires.roadmaps.web.csv.Csv;

/**
 * The national consolidation: {@code GET /api/roadmaps/consolidation?period=2027} in JSON, or one of its tables in
 * CSV ({@code format=csv&table=regions|datasets|ministries|data-returns}). Anonymous callers read published
 * roadmaps only; a national coordinator may ask {@code scope=all} to include roadmaps not yet published.
 */
@RestController
@RequestMapping("/api/roadmaps/consolidation")
public class ConsolidationController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ConsolidationService service;

    public ConsolidationController(ConsolidationService service) {
        this.service = service;
    }

    /** @param period {@code AAAA} or {@code AAAA-AAAA}; the current year by default */
    @GetMapping
    public ResponseEntity<?> consolidation(@RequestParam(required = false) String period,
                                           @RequestParam(defaultValue = "published") String scope,
                                           @RequestParam(defaultValue = "2") @Min(1) @Max(18) int minRegions,
                                           @RequestParam(defaultValue = "json") String format,
                                           @RequestParam(required = false) String table) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv")) {
            throw RuleViolation.invalid("format", "Le format « " + format + " » (format) est inconnu : json ou csv.");
        }
        Table t = null;
        if (f.equals("csv")) {
            t = Table.of(table);
        } else if (table != null) {
            throw RuleViolation.invalid("table", "Le paramètre table ne sert qu'au format csv.");
        }
        ConsolidationQuery query = new ConsolidationQuery(ConsolidationQuery.period(
                period == null ? String.valueOf(LocalDate.now(PARIS).getYear()) : period),
                ConsolidationQuery.scope(scope), minRegions);
        NationalConsolidation c = service.consolidate(Actors.currentIfAuthenticated().orElse(null), query);
        if (t == null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(c);
        }
        String filename = "consolidation-" + t.slug + "-" + c.period() + ".csv";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(Csv.write(t.header(), t.rows(c)));
    }

    enum Table {
        REGIONS("regions"), DATASETS("datasets"), MINISTRIES("ministries"), DATA_RETURNS("data-returns");

        final String slug;

        Table(String slug) {
            this.slug = slug;
        }

        static Table of(String raw) {
            for (Table t : values()) {
                if (raw != null && t.slug.equals(raw.strip().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw RuleViolation.invalid("table", "La table « " + raw + " » (table) est inconnue : regions, "
                    + "datasets, ministries ou data-returns.");
        }

        List<String> header() {
            return switch (this) {
                case REGIONS -> {
                    List<String> h = new ArrayList<>(List.of("Code région", "Région", "Comité", "Feuille de route",
                            "Période", "Statut", "Version", "Publiée le", "Avancement (%)", "Éléments"));
                    for (ItemKind kind : ConsolidationService.committeeKinds()) {
                        h.add("Éléments " + kind.name());
                    }
                    h.addAll(List.of("Montant demandé (€)", "Montant accordé (€)"));
                    yield h;
                }
                case DATASETS -> List.of("Jeu de données (catalogue)", "Intitulé", "Nombre de régions", "Régions",
                        "Priorité nationale (liste)", "Répond à une priorité nationale", "Répond à une priorité locale");
                case MINISTRIES -> List.of("Ministère", "Sections (années)", "Actions", "Actions arbitrées",
                        "ETP demandés", "ETP accordés", "Montant demandé (€)", "Montant accordé (€)");
                case DATA_RETURNS -> List.of("Ministère", "Année", "Engagement", "Données collectées",
                        "Délai actuel (jours)", "Délai cible (jours)", "Jours à gagner", "Atteint", "Statut",
                        "Avancement (%)");
            };
        }

        List<List<String>> rows(NationalConsolidation c) {
            List<List<String>> rows = new ArrayList<>();
            switch (this) {
                case REGIONS -> c.regions().forEach(r -> {
                    List<String> row = new ArrayList<>(List.of(r.regionCode(), r.regionName(),
                            r.committee() == null ? "" : r.committee().name()));
                    NationalConsolidation.RoadmapState s = r.roadmap();
                    if (s == null) {
                        row.addAll(List.of("", "", "", "", "", "", ""));
                        ConsolidationService.committeeKinds().forEach(k -> row.add(""));
                        row.addAll(List.of("", ""));
                    } else {
                        row.addAll(List.of(s.title(), s.period(), s.status().name(), String.valueOf(s.version()),
                                s.publishedAt() == null ? "" : s.publishedAt().atZone(PARIS).toLocalDate().toString(),
                                String.valueOf(s.progress()), String.valueOf(s.items())));
                        ConsolidationService.committeeKinds().forEach(k ->
                                row.add(String.valueOf(s.itemsByKind().getOrDefault(k, 0))));
                        row.addAll(List.of(decimal(s.requestedAmount()), decimal(s.grantedAmount())));
                    }
                    rows.add(row);
                });
                case DATASETS -> c.demandedDatasets().forEach(d -> rows.add(List.of(d.catalogueDatasetId(),
                        d.title(), String.valueOf(d.regionCount()), String.join(", ", d.regions()),
                        yes(d.onNationalPriorityList()), yes(d.answersNationalPriority()), yes(d.answersLocalPriority()))));
                case MINISTRIES -> {
                    List<NationalConsolidation.MinistryResources> all = new ArrayList<>(c.ministries());
                    all.add(c.ministriesTotal());
                    all.forEach(m -> rows.add(List.of(m.ministry(), String.join(", ", m.sections().stream()
                                    .map(s -> s.year() + " (" + s.status().name() + ")").toList()),
                            String.valueOf(m.actions()), String.valueOf(m.actionsArbitrated()), decimal(m.requestedFte()),
                            decimal(m.grantedFte()), decimal(m.requestedAmount()), decimal(m.grantedAmount()))));
                }
                case DATA_RETURNS -> c.dataReturns().forEach(d -> rows.add(List.of(d.ministry(),
                        String.valueOf(d.year()), d.title(), d.datasetCollected(), String.valueOf(d.currentDelayDays()),
                        String.valueOf(d.targetDelayDays()), String.valueOf(d.daysToGain()), yes(d.met()),
                        d.status().name(), String.valueOf(d.progress()))));
            }
            return rows;
        }

        /** French spreadsheets read a decimal comma. */
        private static String decimal(BigDecimal value) {
            return value == null ? "" : value.toPlainString().replace('.', ',');
        }

        private static String yes(boolean value) {
            return value ? "oui" : "non";
        }
    }
}
