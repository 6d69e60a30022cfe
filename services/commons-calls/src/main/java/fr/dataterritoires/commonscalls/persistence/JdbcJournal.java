package fr.dataterritoires.commonscalls.persistence;

import static fr.dataterritoires.commonscalls.persistence.JdbcCalls.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.dataterritoires.commonscalls.application.Journal;
import fr.dataterritoires.commonscalls.domain.ledger.Accounts;
import fr.dataterritoires.commonscalls.domain.ledger.Entry;
import fr.dataterritoires.commonscalls.domain.ledger.JournalTransaction;
import fr.dataterritoires.commonscalls.domain.ledger.Side;

/**
 * The préciput journal in PostgreSQL. Accounts are locked in code order ({@code SELECT … FOR UPDATE}), so two postings
 * never wait for each other in a cycle, and an allocation reads the fund's balance only once it holds the fund's row:
 * concurrent allocations are serialised on that row and none can spend what another already took.
 */
@Repository
public class JdbcJournal implements Journal {

    private static final String SELECT = "SELECT t.*, EXISTS (SELECT 1 FROM ledger_transaction r WHERE r.reverses = t.id) "
            + "AS reversed FROM ledger_transaction t ";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcJournal(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, BigDecimal> lock(Map<String, String> accountsAndNames) {
        Map<String, String> sorted = new TreeMap<>(accountsAndNames);
        for (Map.Entry<String, String> a : sorted.entrySet()) {
            if (!a.getKey().equals(Accounts.FUND)) {
                jdbc.update("INSERT INTO ledger_account (code, kind, normal_side, name) VALUES (:code, :kind, :side, :name) "
                                + "ON CONFLICT (code) DO NOTHING", new MapSqlParameterSource("code", a.getKey())
                        .addValue("kind", Accounts.kind(a.getKey()).name())
                        .addValue("side", Accounts.normalSide(a.getKey()).name()).addValue("name", a.getValue()));
            }
        }
        Map<String, BigDecimal> balances = new HashMap<>();
        jdbc.query("SELECT code, balance FROM ledger_account WHERE code IN (:codes) ORDER BY code FOR UPDATE",
                new MapSqlParameterSource("codes", sorted.keySet()),
                rs -> {
                    balances.put(rs.getString("code"), rs.getBigDecimal("balance"));
                });
        return balances;
    }

    @Override
    public void write(JournalTransaction t, Details d, Map<String, BigDecimal> newBalances) {
        jdbc.update("INSERT INTO ledger_transaction (id, kind, amount, year, occurred_at, actor, programme_id, funder_siren, "
                + "project_reference, project_funding, rate, source, import_id, purpose, initiative_id, award_id, "
                + "beneficiary_siren, beneficiary_name, reason, reverses) VALUES (:id, :kind, :amount, :year, :at, :actor, "
                + ":programme, :funder, :reference, :funding, :rate, :source, :import, :purpose, :initiative, :award, "
                + ":beneficiary, :beneficiaryName, :reason, :reverses)", new MapSqlParameterSource("id", t.id())
                .addValue("kind", t.kind().name()).addValue("amount", t.amount()).addValue("year", d.year())
                .addValue("at", Timestamp.from(d.occurredAt())).addValue("actor", d.actor())
                .addValue("programme", d.programmeId()).addValue("funder", d.funderSiren())
                .addValue("reference", d.projectReference()).addValue("funding", d.projectFunding())
                .addValue("rate", d.rate()).addValue("source", d.source()).addValue("import", d.importId())
                .addValue("purpose", d.purpose()).addValue("initiative", d.initiativeId()).addValue("award", d.awardId())
                .addValue("beneficiary", d.beneficiarySiren()).addValue("beneficiaryName", d.beneficiaryName())
                .addValue("reason", d.reason()).addValue("reverses", t.reverses()));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Entry e : t.entries()) {
            rows.add(new MapSqlParameterSource("tx", t.id()).addValue("account", e.account())
                    .addValue("side", e.side().name()).addValue("amount", e.amount()));
        }
        jdbc.batchUpdate("INSERT INTO ledger_entry (transaction_id, account, side, amount) VALUES (:tx, :account, :side, :amount)",
                rows.toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> balances = new ArrayList<>();
        newBalances.forEach((code, balance) -> balances.add(new MapSqlParameterSource("code", code).addValue("balance", balance)));
        jdbc.batchUpdate("UPDATE ledger_account SET balance = :balance WHERE code = :code",
                balances.toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public Optional<Posted> find(UUID id) {
        return posted(SELECT + "WHERE t.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    @Override
    public boolean levyExists(UUID programmeId, String projectReference) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ledger_transaction WHERE kind = 'LEVY' "
                        + "AND programme_id = :programme AND project_reference = :reference)",
                new MapSqlParameterSource("programme", programmeId).addValue("reference", projectReference), Boolean.class));
    }

    @Override
    public List<Posted> page(int offset, int limit) {
        return posted(SELECT + "ORDER BY t.seq DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset));
    }

    @Override
    public List<Posted> allocationsTo(String beneficiarySiren) {
        return posted(SELECT + "WHERE t.kind = 'ALLOCATION' AND t.beneficiary_siren = :siren ORDER BY t.seq",
                new MapSqlParameterSource("siren", beneficiarySiren));
    }

    @Override
    public List<Posted> allocationsToInitiative(UUID initiativeId) {
        return posted(SELECT + "WHERE t.kind = 'ALLOCATION' AND t.initiative_id = :initiative ORDER BY t.seq",
                new MapSqlParameterSource("initiative", initiativeId));
    }

    @Override
    public List<Account> accounts() {
        return jdbc.query("SELECT * FROM ledger_account ORDER BY code", (rs, n) -> new Account(rs.getString("code"),
                rs.getString("kind"), rs.getString("name"), rs.getBigDecimal("balance")));
    }

    @Override
    public BigDecimal balance(String code) {
        return jdbc.query("SELECT balance FROM ledger_account WHERE code = :code", new MapSqlParameterSource("code", code),
                (rs, n) -> rs.getBigDecimal(1)).stream().findFirst().orElse(BigDecimal.ZERO.setScale(2));
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM ledger_transaction", new MapSqlParameterSource(), Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public Map<String, BigDecimal> totals(Collection<String> kinds) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String kind : kinds) {
            totals.put(kind, BigDecimal.ZERO.setScale(2));
        }
        jdbc.query("SELECT kind, sum(amount) AS total FROM ledger_transaction GROUP BY kind", rs -> {
            totals.put(rs.getString("kind"), rs.getBigDecimal("total"));
        });
        return totals;
    }

    /**
     * Inflows (levies) and outflows (allocations) per group; a reversal counts against the flow of what it reverses
     * (it takes the original's group), so the figures are net of corrections.
     */
    @Override
    public List<ReportLine> report(String by) {
        String key = switch (by) {
            case "year" -> "o.year::text";
            case "funder" -> "coalesce(o.funder_siren, '')";
            case "beneficiary" -> "coalesce(o.beneficiary_siren, '')";
            default -> throw new IllegalArgumentException(by);
        };
        String label = switch (by) {
            case "year" -> "o.year::text";
            case "funder" -> "coalesce((SELECT f.name FROM funder f WHERE f.siren = o.funder_siren), o.funder_siren, '')";
            default -> "coalesce(o.beneficiary_name, o.beneficiary_siren, '')";
        };
        String flows = "SELECT o.kind AS kind, " + key + " AS key, " + label + " AS label, "
                + "CASE WHEN t.kind = 'REVERSAL' THEN -t.amount ELSE t.amount END AS amount "
                + "FROM ledger_transaction t JOIN ledger_transaction o ON o.id = coalesce(t.reverses, t.id)";
        String where = switch (by) {
            case "funder" -> " WHERE kind = 'LEVY'";
            case "beneficiary" -> " WHERE kind = 'ALLOCATION'";
            default -> "";
        };
        return jdbc.query("SELECT key, max(label) AS label, "
                        + "coalesce(sum(amount) FILTER (WHERE kind = 'LEVY'), 0.00) AS inflows, "
                        + "coalesce(sum(amount) FILTER (WHERE kind = 'ALLOCATION'), 0.00) AS outflows "
                        + "FROM (" + flows + ") f" + where + " GROUP BY key ORDER BY key", new MapSqlParameterSource(),
                (rs, n) -> new ReportLine(rs.getString("key"), rs.getString("label"), rs.getBigDecimal("inflows"),
                        rs.getBigDecimal("outflows")));
    }

    private List<Posted> posted(String sql, MapSqlParameterSource params) {
        List<Posted> found = jdbc.query(sql, params, (rs, n) -> new Posted(rs.getObject("id", UUID.class), rs.getLong("seq"),
                details(rs), null, rs.getBoolean("reversed")));
        if (found.isEmpty()) {
            return found;
        }
        Map<UUID, List<Entry>> entries = new HashMap<>();
        jdbc.query("SELECT transaction_id, account, side, amount FROM ledger_entry WHERE transaction_id IN (:ids) ORDER BY id",
                new MapSqlParameterSource("ids", found.stream().map(Posted::id).toList()), rs -> {
                    entries.computeIfAbsent(rs.getObject("transaction_id", UUID.class), k -> new ArrayList<>())
                            .add(new Entry(rs.getString("account"), Side.valueOf(rs.getString("side")),
                                    rs.getBigDecimal("amount")));
                });
        return found.stream().map(p -> new Posted(p.id(), p.seq(), p.details(), new JournalTransaction(p.id(),
                JournalTransaction.Kind.valueOf(p.details().kind()), p.details().reverses(), entries.get(p.id())),
                p.reversed())).toList();
    }

    private static Details details(ResultSet rs) throws SQLException {
        return new Details(rs.getString("kind"), rs.getBigDecimal("amount"), rs.getInt("year"), instant(rs, "occurred_at"),
                rs.getString("actor"), rs.getObject("programme_id", UUID.class), rs.getString("funder_siren"),
                rs.getString("project_reference"), rs.getBigDecimal("project_funding"), rs.getBigDecimal("rate"),
                rs.getString("source"), rs.getObject("import_id", UUID.class), rs.getString("purpose"),
                rs.getObject("initiative_id", UUID.class), rs.getObject("award_id", UUID.class),
                rs.getString("beneficiary_siren"), rs.getString("beneficiary_name"), rs.getString("reason"),
                rs.getObject("reverses", UUID.class));
    }
}
