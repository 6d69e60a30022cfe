package fr.dataterritoires.replication.application;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.dataterritoires.replication.domain.initiative.Maturity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business metrics: initiatives created, maturity steps taken (by maturity), replications live, funding look-ups
 * answered partially; gauges of initiatives per maturity and live replications, read from the database at scrape.
 */
@Component
public class RegistryMetrics {

    /**
     * Not "...initiatives.created": Prometheus reserves the {@code _created} suffix, so that counter was scraped as
     * {@code dt_replication_initiatives}, the name of the gauge below, and the registry refused it.
     */
    public static final String INITIATIVES_CREATED = "dt.replication.initiatives.registered";
    public static final String MATURITY_STEPS = "dt.replication.maturity.steps";
    public static final String REPLICATIONS_LIVE = "dt.replication.replications.live";
    public static final String FUNDING_PARTIAL = "dt.replication.funding.partial";
    public static final String INITIATIVES = "dt.replication.initiatives";
    public static final String LIVE_NOW = "dt.replication.live.replications";

    private final MeterRegistry registry;

    public RegistryMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        for (Maturity m : Maturity.values()) {
            Gauge.builder(INITIATIVES, () -> count(jdbc, "SELECT count(*) FROM initiative WHERE maturity = ?", m.name()))
                    .tag("maturity", m.name()).description("Initiatives of the registry, by maturity")
                    .register(registry);
        }
        Gauge.builder(LIVE_NOW,
                        () -> count(jdbc, "SELECT count(*) FROM replication WHERE status = ?", "LIVE"))
                .description("Replications live now").register(registry);
    }

    private static double count(JdbcTemplate jdbc, String sql, String arg) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class, arg);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN; // database unreachable at scrape: no figure rather than a wrong one
        }
    }

    void initiativeCreated() {
        Counter.builder(INITIATIVES_CREATED).description("Initiatives declared or created from awards")
                .register(registry).increment();
    }

    void maturityReached(Maturity maturity) {
        Counter.builder(MATURITY_STEPS).tag("maturity", maturity.name()).description("Maturity steps taken")
                .register(registry).increment();
    }

    void replicationLive() {
        Counter.builder(REPLICATIONS_LIVE).description("Replications that went live").register(registry).increment();
    }

    public void fundingPartial(String cause) {
        Counter.builder(FUNDING_PARTIAL).tag("cause", cause).description("Initiative pages answered without their funding (commons-calls "
                + "unavailable)").register(registry).increment();
    }

}
