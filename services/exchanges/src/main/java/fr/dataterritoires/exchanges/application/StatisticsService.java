package fr.dataterritoires.exchanges.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public, anonymous views: reciprocity balance per région and per ministry, and national reach counts. */
@Service
public class StatisticsService {

    public record Reciprocity(List<ExchangeStores.ReciprocityRow> regions, List<ExchangeStores.ReciprocityRow> ministries,
                              ExchangeStores.ReachCounts reach) {
    }

    private final ExchangeStores.Statistics statistics;

    public StatisticsService(ExchangeStores.Statistics statistics) {
        this.statistics = statistics;
    }

    @Transactional(readOnly = true)
    public Reciprocity reciprocity() {
        return new Reciprocity(statistics.byRegion(), statistics.byMinistry(), statistics.reach());
    }

    @Transactional(readOnly = true)
    public ExchangeStores.ReachCounts reach() {
        return statistics.reach();
    }
}
