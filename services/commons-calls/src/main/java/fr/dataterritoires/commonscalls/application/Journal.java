package fr.dataterritoires.commonscalls.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.ledger.JournalTransaction;

/** The préciput journal: append-only transactions and entries, account balances, reports. */
public interface Journal {

    /** What a transaction says beyond its entries. */
    record Details(String kind, BigDecimal amount, int year, Instant occurredAt, String actor, UUID programmeId,
                   String funderSiren, String projectReference, BigDecimal projectFunding, BigDecimal rate,
                   String source, UUID importId, String purpose, UUID initiativeId, UUID awardId,
                   String beneficiarySiren, String beneficiaryName, String reason, UUID reverses) {
    }

    record Posted(UUID id, long seq, Details details, JournalTransaction transaction, boolean reversed) {
    }

    record Account(String code, String kind, String name, BigDecimal balance) {
    }

    /** One line of a report: inflows (levies) and outflows (allocations), reversals netted. */
    record ReportLine(String key, String label, BigDecimal inflows, BigDecimal outflows) {
    }

    /** Creates the accounts that do not exist yet, then locks them all (in code order) and returns their balances. */
    Map<String, BigDecimal> lock(Map<String, String> accountsAndNames);

    /** Writes the transaction, its entries and the accounts' new balances. */
    void write(JournalTransaction transaction, Details details, Map<String, BigDecimal> newBalances);

    Optional<Posted> find(UUID id);

    boolean levyExists(UUID programmeId, String projectReference);

    List<Posted> page(int offset, int limit);

    List<Posted> allocationsTo(String beneficiarySiren);

    List<Posted> allocationsToInitiative(UUID initiativeId);

    List<Account> accounts();

    BigDecimal balance(String code);

    /** Reports by "year", "funder" or "beneficiary". */
    List<ReportLine> report(String by);

    long count();

    Map<String, BigDecimal> totals(Collection<String> kinds);
}
