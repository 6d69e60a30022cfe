package fr.dataterritoires.commonscalls.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Business gauges, read from the database when scraped (each one indexed row or a small count): the préciput fund's
 * balance, totals by kind of transaction and imbalance, open calls, applications waiting for an eligibility decision.
 */
@Component
public class CommonsCallsMetrics {

    public CommonsCallsMetrics(MeterRegistry meters, JdbcTemplate jdbc) {
        Gauge.builder("dt.preciput.fund.balance", () -> value(jdbc, "SELECT balance FROM ledger_account WHERE code = 'FUND'"))
                .description("Balance of the préciput fund, in euros").register(meters);
        for (String kind : new String[] {"LEVY", "ALLOCATION", "REVERSAL"}) {
            Gauge.builder("dt.preciput.transactions.amount", () -> value(jdbc,
                            "SELECT coalesce(sum(amount), 0) FROM ledger_transaction WHERE kind = '" + kind + "'"))
                    .tag("kind", kind).description("Sum of the préciput journal's transactions of this kind, in euros")
                    .register(meters);
        }
        // levied minus allocated, net of reversals (a reversal counts against the flow it corrects), minus the fund's
        // stored balance, in cents: anything but 0 means money was lost or created (alert DtPreciputLedgerImbalance)
        Gauge.builder("dt.preciput.ledger.imbalance", () -> value(jdbc, "SELECT 100 * ("
                        + "coalesce(sum(CASE WHEN o.kind = 'LEVY' THEN s.amount WHEN o.kind = 'ALLOCATION' THEN -s.amount END), 0)"
                        + " - (SELECT balance FROM ledger_account WHERE code = 'FUND')) FROM (SELECT coalesce(t.reverses, t.id) "
                        + "AS original, CASE WHEN t.kind = 'REVERSAL' THEN -t.amount ELSE t.amount END AS amount "
                        + "FROM ledger_transaction t) s JOIN ledger_transaction o ON o.id = s.original"))
                .description("Préciput levied minus allocated minus the fund's balance, in cents (0 when the ledger balances)")
                .register(meters);
        Gauge.builder("dt.calls.open", () -> value(jdbc, "SELECT count(*) FROM call WHERE status = 'OPEN'"))
                .description("Calls open to applications").register(meters);
        Gauge.builder("dt.applications.awaiting_eligibility", () -> value(jdbc,
                        "SELECT count(*) FROM application WHERE status = 'SUBMITTED'"))
                .description("Applications submitted, waiting for the funder's eligibility decision").register(meters);
    }

    private static double value(JdbcTemplate jdbc, String sql) {
        try {
            Number n = jdbc.queryForObject(sql, java.math.BigDecimal.class);
            return n == null ? 0 : n.doubleValue();
        } catch (RuntimeException databaseAway) {
            return Double.NaN; // a scrape must not fail because the database is away
        }
    }
}
