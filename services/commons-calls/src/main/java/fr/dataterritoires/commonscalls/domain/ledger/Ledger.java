package fr.dataterritoires.commonscalls.domain.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.dataterritoires.commonscalls.domain.Money;
import fr.dataterritoires.platform.errors.rules.RuleViolation;

/**
 * The balances of (some of) the journal's accounts and the rule every posting obeys: no balance goes below zero, so the
 * fund never allocates more than it holds and a levy is reversed only while the fund still holds it. The service loads
 * the accounts a transaction touches (locked) into a ledger, posts, and writes the new balances; the property tests
 * post whole sequences into one.
 */
public final class Ledger {

    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<UUID, JournalTransaction> posted = new HashMap<>();
    private final Set<UUID> reversed = new HashSet<>();
    private final List<JournalTransaction> journal = new ArrayList<>();

    public Ledger() {
        balances.put(Accounts.FUND, zero());
    }

    /** A ledger holding these balances (the locked rows of the accounts a posting touches). */
    public static Ledger of(Map<String, BigDecimal> balances) {
        Ledger ledger = new Ledger();
        ledger.balances.putAll(balances);
        return ledger;
    }

    public BigDecimal balance(String account) {
        return balances.getOrDefault(account, zero());
    }

    public Map<String, BigDecimal> balances() {
        return Collections.unmodifiableMap(balances);
    }

    public List<JournalTransaction> journal() {
        return Collections.unmodifiableList(journal);
    }

    /** Levies {@code amount} from the programme into the fund. */
    public JournalTransaction levy(UUID programmeId, BigDecimal amount) {
        return post(JournalTransaction.levy(UUID.randomUUID(), programmeId, Money.positive("amount", amount)));
    }

    /** Allocates {@code amount} of the fund to a beneficiary; refused beyond the fund's balance. */
    public JournalTransaction allocate(String beneficiaryAccount, BigDecimal amount) {
        BigDecimal value = Money.positive("amount", amount);
        if (value.compareTo(balance(Accounts.FUND)) > 0) {
            throw new RuleViolation("solde-insuffisant", "amount", "Le solde du fonds du préciput ("
                    + Money.format(balance(Accounts.FUND)) + " €) ne permet pas d'allouer " + Money.format(value) + " €.");
        }
        return post(JournalTransaction.allocation(UUID.randomUUID(), beneficiaryAccount, value));
    }

    /** Writes the reversing entries of a posted transaction (once). */
    public JournalTransaction reverse(JournalTransaction original) {
        if (original.kind() == JournalTransaction.Kind.REVERSAL) {
            throw new RuleViolation("contrepassation-de-contrepassation", null,
                    "Une contrepassation ne se contrepasse pas : enregistrez une nouvelle opération.");
        }
        if (reversed.contains(original.id())) {
            throw new RuleViolation.StateConflict("deja-contrepassee", "Cette opération a déjà été contrepassée.");
        }
        return post(original.reversal(UUID.randomUUID()));
    }

    /**
     * Posts a transaction: every account's balance moves by its entries' effect, and none may go below zero (then
     * nothing is posted).
     */
    public JournalTransaction post(JournalTransaction transaction) {
        Map<String, BigDecimal> next = new HashMap<>();
        for (Entry e : transaction.entries()) {
            BigDecimal current = next.getOrDefault(e.account(), balance(e.account()));
            next.put(e.account(), current.add(e.effect()));
        }
        for (Map.Entry<String, BigDecimal> b : next.entrySet()) {
            if (b.getValue().signum() < 0) {
                throw new RuleViolation("solde-insuffisant", "amount", Accounts.kind(b.getKey()) == Accounts.Kind.FUND
                        ? "Le solde du fonds du préciput (" + Money.format(balance(Accounts.FUND))
                        + " €) ne permet pas cette opération de " + Money.format(transaction.amount()) + " €."
                        : "Le solde du compte " + b.getKey() + " (" + Money.format(balance(b.getKey()))
                        + " €) ne permet pas cette opération de " + Money.format(transaction.amount()) + " €.");
            }
        }
        balances.putAll(next);
        posted.put(transaction.id(), transaction);
        if (transaction.reverses() != null) {
            reversed.add(transaction.reverses());
        }
        journal.add(transaction);
        return transaction;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
