package fr.dataterritoires.datasetsearch.application.demand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.dataterritoires.datasetsearch.application.catalogue.DatasetRepository;
import fr.dataterritoires.datasetsearch.domain.AccessLevel;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetDescription;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.domain.TerritoryRef;
import fr.dataterritoires.datasetsearch.domain.demand.DemandTerritories;

/** The demand lists: most demanded datasets that are not open yet, and searches that found nothing. */
@Service
public class DemandReports {

    public static final int MAX_LIMIT = 100;
    private static final int BATCH = 100;
    /** Bounds the scan past open datasets; demand on open datasets is rare (they need no request). */
    private static final int MAX_BATCHES = 20;

    private final DemandRanking ranking;
    private final DatasetRepository datasets;
    private final UnansweredSearchReport unanswered;
    private final DemandClock clock;

    public DemandReports(DemandRanking ranking, DatasetRepository datasets, UnansweredSearchReport unanswered,
                         DemandClock clock) {
        this.ranking = ranking;
        this.datasets = datasets;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    /**
     * The most demanded datasets that are not open, nationally ({@code territory} null: every declaration and request)
     * or for a territory (see {@link DemandTerritories} for what matches).
     */
    @Transactional(readOnly = true)
    public List<MostDemandedItem> mostDemanded(TerritoryRef territory, int limit) {
        Instant now = clock.now();
        DemandRanking.TerritoryFilter filter = territory == null ? null
                : new DemandRanking.TerritoryFilter(territory.key(), DemandTerritories.enclosing(territory));
        List<MostDemandedItem> items = new ArrayList<>();
        for (int batch = 0; batch < MAX_BATCHES && items.size() < limit; batch++) {
            List<DemandRanking.DatasetDemand> ranked = ranking.datasets(filter, BATCH, batch * BATCH);
            Map<DatasetId, Dataset> found = new HashMap<>();
            datasets.findAll(ranked.stream().map(DemandRanking.DatasetDemand::dataset).toList())
                    .forEach(d -> found.put(d.id(), d));
            for (DemandRanking.DatasetDemand demand : ranked) {
                Dataset dataset = found.get(demand.dataset());
                if (dataset == null || !dataset.isPublished()) {
                    continue;
                }
                DatasetDescription description = dataset.description(now).orElse(null);
                if (description == null || description.accessLevel() == AccessLevel.OPEN) {
                    continue;
                }
                items.add(new MostDemandedItem(dataset.id(), null, description.title(), description.accessLevel(),
                        description.producer() == null ? null : description.producer().name(),
                        demand.priorityDeclarations(), demand.nationalPriority(), demand.accessRequests(), true, null));
                if (items.size() >= limit) {
                    break;
                }
            }
            if (ranked.size() < BATCH) {
                break;
            }
        }
        for (DemandRanking.UnknownDemand unknown : ranking.unknown(filter, limit)) {
            items.add(new MostDemandedItem(null, unknown.reference(), unknown.title(), null, null,
                    unknown.priorityDeclarations(), unknown.nationalPriority(), 0, false, unknown.targetDate()));
        }
        return items.stream()
                .sorted(Comparator.comparingInt(MostDemandedItem::weight).reversed()
                        .thenComparing(Comparator.comparingInt(MostDemandedItem::priorityDeclarations).reversed())
                        .thenComparing(Comparator.comparingInt(MostDemandedItem::accessRequests).reversed())
                        .thenComparing(MostDemandedItem::title))
                .limit(limit)
                .toList();
    }

    /** The most frequent searches that found nothing, for one territory filter or all ({@code territory} null). */
    public List<UnansweredSearchReport.Entry> unansweredSearches(TerritoryRef territory, int limit) {
        return unanswered.top(territory == null ? null : territory.key(), limit);
    }
}
